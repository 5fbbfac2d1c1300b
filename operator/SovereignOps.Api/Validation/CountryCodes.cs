using System.Collections.Frozen;

namespace SovereignOps.Api.Validation;

/// <summary>
/// The country codes a policy or profile may name: the 249 officially assigned ISO 3166-1 alpha-2 codes,
/// plus EU, which ISO 3166/MA reserves exceptionally for the European Union — its GDPR acts as one
/// jurisdiction, so an EU policy is a real configuration. User-assigned codes (AA, QM–QZ, XA–XZ, ZZ) and
/// withdrawn codes are refused: a residency policy for a country that does not exist is a typo.
/// </summary>
public static class CountryCodes
{
    private const string Assigned = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
        BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
        EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
        HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
        LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
        NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
        TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """;

    private static readonly FrozenSet<string> Known = Assigned
        .Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
        .Append("EU")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every accepted code, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = Known.Order(StringComparer.Ordinal).ToList();

    /// <summary>True for an accepted code written in upper case, as the CRD pattern requires.</summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);

    /// <summary>
    /// The country-code top-level domain of <paramref name="code"/>: the code in lower case, except GB,
    /// whose domain is .uk.
    /// </summary>
    public static string TopLevelDomain(string code) =>
        code == "GB" ? "uk" : code.ToLowerInvariant();
}
