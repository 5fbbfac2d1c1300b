namespace SovereignOps.Sandbox.Protobuf;

/// <summary>Reads the protobuf wire format: varints, length-delimited fields, and skips what it does not need.</summary>
internal sealed class ProtoReader(byte[] buffer)
{
    private int _position;

    public bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= buffer.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= buffer.Length)
            {
                throw new InvalidDataException("truncated varint");
            }

            var b = buffer[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("varint too long");
    }

    public byte[] ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > buffer.Length)
        {
            throw new InvalidDataException("truncated length-delimited field");
        }

        var bytes = buffer.AsSpan(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"unsupported wire type {wireType}");
        }
    }
}
