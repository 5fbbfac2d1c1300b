using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

/// <summary>One row per keyword: a schema, a value, and the exact errors the API server would print.</summary>
public class KeywordValidationTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        // type
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":3}""", [] },
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":"3"}""", ["replicas: Invalid value: \"string\": replicas in body must be of type integer: \"string\""] },
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":1.5}""", ["replicas: Invalid value: \"number\": replicas in body must be of type integer: \"number\""] },
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":2.0}""", [] },
        { """{"type":"object","properties":{"ratio":{"type":"number"}}}""", """{"ratio":2}""", [] },
        { """{"type":"object","properties":{"on":{"type":"boolean"}}}""", """{"on":"true"}""", ["on: Invalid value: \"string\": on in body must be of type boolean: \"string\""] },
        { """{"type":"object","properties":{"tags":{"type":"array"}}}""", """{"tags":{}}""", ["tags: Invalid value: \"object\": tags in body must be of type array: \"object\""] },
        { """{"type":"object"}""", """[1]""", ["<root>: Invalid value: \"array\": body must be of type object: \"array\""] },
        // nullable
        { """{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":null}""", ["a: Invalid value: \"null\": a in body must be of type string: \"null\""] },
        { """{"type":"object","properties":{"a":{"type":"string","nullable":true}}}""", """{"a":null}""", [] },
        // required
        { """{"type":"object","required":["name","size"],"properties":{"name":{"type":"string"},"size":{"type":"integer"}}}""", """{}""", ["name: Required value", "size: Required value"] },
        // enum
        { """{"type":"object","properties":{"precision":{"type":"string","enum":["bf16","fp8","int4"]}}}""", """{"precision":"fp3"}""", ["precision: Unsupported value: \"fp3\": supported values: \"bf16\", \"fp8\", \"int4\""] },
        { """{"type":"object","properties":{"tp":{"type":"integer","enum":[1,2,4,8]}}}""", """{"tp":3}""", ["tp: Unsupported value: 3: supported values: 1, 2, 4, 8"] },
        { """{"type":"object","properties":{"tp":{"type":"integer","enum":[1,2,4,8]}}}""", """{"tp":4}""", [] },
        // minimum / maximum / exclusive / multipleOf
        { """{"type":"object","properties":{"replicas":{"type":"integer","minimum":0}}}""", """{"replicas":-1}""", ["replicas: Invalid value: -1: replicas in body should be greater than or equal to 0"] },
        { """{"type":"object","properties":{"replicas":{"type":"integer","minimum":0,"exclusiveMinimum":true}}}""", """{"replicas":0}""", ["replicas: Invalid value: 0: replicas in body should be greater than 0"] },
        { """{"type":"object","properties":{"gpus":{"type":"integer","maximum":8}}}""", """{"gpus":9}""", ["gpus: Invalid value: 9: gpus in body should be less than or equal to 8"] },
        { """{"type":"object","properties":{"gpus":{"type":"integer","maximum":8,"exclusiveMaximum":true}}}""", """{"gpus":8}""", ["gpus: Invalid value: 8: gpus in body should be less than 8"] },
        { """{"type":"object","properties":{"mem":{"type":"number","multipleOf":0.5}}}""", """{"mem":1.25}""", ["mem: Invalid value: 1.25: mem in body should be a multiple of 0.5"] },
        { """{"type":"object","properties":{"mem":{"type":"number","multipleOf":0.5}}}""", """{"mem":1.5}""", [] },
        { """{"type":"object","properties":{"n":{"type":"integer","multipleOf":4}}}""", """{"n":10}""", ["n: Invalid value: 10: n in body should be a multiple of 4"] },
        // strings
        { """{"type":"object","properties":{"name":{"type":"string","maxLength":5}}}""", """{"name":"abcdef"}""", ["name: Too long: may not be more than 5 characters"] },
        { """{"type":"object","properties":{"name":{"type":"string","maxLength":3}}}""", """{"name":"ไทย"}""", [] },
        { """{"type":"object","properties":{"name":{"type":"string","minLength":2}}}""", """{"name":"a"}""", ["name: Invalid value: \"a\": name in body should be at least 2 chars long"] },
        { """{"type":"object","properties":{"country":{"type":"string","pattern":"^[A-Z]{2}$"}}}""", """{"country":"tha"}""", ["country: Invalid value: \"tha\": country in body should match '^[A-Z]{2}$'"] },
        { """{"type":"object","properties":{"country":{"type":"string","pattern":"^[A-Z]{2}$"}}}""", """{"country":"TH"}""", [] },
        { """{"type":"object","properties":{"id":{"type":"string","pattern":"(?P<x>a)b"}}}""", """{"id":"ab"}""", [] },
        // formats
        { """{"type":"object","properties":{"t":{"type":"string","format":"date-time"}}}""", """{"t":"2024-02-30T10:00:00Z"}""", ["t: Invalid value: \"2024-02-30T10:00:00Z\": t in body must be of type date-time: \"2024-02-30T10:00:00Z\""] },
        { """{"type":"object","properties":{"t":{"type":"string","format":"date-time"}}}""", """{"t":"2024-02-29T10:00:00.5+07:00"}""", [] },
        { """{"type":"object","properties":{"u":{"type":"string","format":"uuid"}}}""", """{"u":"not-a-uuid"}""", ["u: Invalid value: \"not-a-uuid\": u in body must be of type uuid: \"not-a-uuid\""] },
        { """{"type":"object","properties":{"u":{"type":"string","format":"uuid"}}}""", """{"u":"0f8fad5b-d9cb-469f-a165-70867728950e"}""", [] },
        { """{"type":"object","properties":{"b":{"type":"string","format":"byte"}}}""", """{"b":"aGVsbG8="}""", [] },
        { """{"type":"object","properties":{"b":{"type":"string","format":"byte"}}}""", """{"b":"hello"}""", ["b: Invalid value: \"hello\": b in body must be of type byte: \"hello\""] },
        { """{"type":"object","properties":{"c":{"type":"string","format":"cidr"}}}""", """{"c":"10.0.0.0/33"}""", ["c: Invalid value: \"10.0.0.0/33\": c in body must be of type cidr: \"10.0.0.0/33\""] },
        { """{"type":"object","properties":{"c":{"type":"string","format":"cidr"}}}""", """{"c":"2001:db8::/32"}""", [] },
        { """{"type":"object","properties":{"d":{"type":"string","format":"date"}}}""", """{"d":"2024-13-01"}""", ["d: Invalid value: \"2024-13-01\": d in body must be of type date: \"2024-13-01\""] },
        { """{"type":"object","properties":{"h":{"type":"string","format":"unknown-format"}}}""", """{"h":"anything"}""", [] },
        { """{"type":"object","properties":{"n":{"type":"integer","format":"int32"}}}""", """{"n":3000000000}""", ["n: Invalid value: 3000000000: n in body must be of type int32: 3000000000"] },
        // arrays
        { """{"type":"object","properties":{"gpus":{"type":"array","maxItems":2,"items":{"type":"string"}}}}""", """{"gpus":["a","b","c"]}""", ["gpus: Too many: 3: must have at most 2 items"] },
        { """{"type":"object","properties":{"gpus":{"type":"array","minItems":1,"items":{"type":"string"}}}}""", """{"gpus":[]}""", ["gpus: Invalid value: 0: gpus in body should have at least 1 items"] },
        { """{"type":"object","properties":{"ids":{"type":"array","uniqueItems":true,"items":{"type":"integer"}}}}""", """{"ids":[1,2,1]}""", ["ids[2]: Duplicate value: 1"] },
        { """{"type":"object","properties":{"gpus":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""", """{"gpus":[{"name":"a"},{"name":5}]}""", ["gpus[1].name: Invalid value: \"integer\": gpus[1].name in body must be of type string: \"integer\"; quote the value in YAML to write a number as text"] },
        // objects
        { """{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}""", """{"a":"x","b":"y"}""", ["<root>: Too many: 2: must have at most 1 items"] },
        { """{"type":"object","minProperties":1,"additionalProperties":{"type":"string"}}""", """{}""", ["<root>: Invalid value: 0: body should have at least 1 properties"] },
        { """{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"}}}}""", """{"labels":{"app.kubernetes.io/name":3}}""", ["labels[\"app.kubernetes.io/name\"]: Invalid value: \"integer\": labels[\"app.kubernetes.io/name\"] in body must be of type string: \"integer\"; quote the value in YAML to write a number as text"] },
        { """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"a":"x","b":1}""", ["b: Invalid value: \"b\": b in body is a forbidden property"] },
        { """{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":"x","unknown":1}""", [] },
        // int-or-string and quantities
        { """{"type":"object","properties":{"memory":{"x-kubernetes-int-or-string":true,"pattern":"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"}}}""", """{"memory":"80Gi"}""", [] },
        { """{"type":"object","properties":{"memory":{"x-kubernetes-int-or-string":true,"pattern":"^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"}}}""", """{"memory":80}""", [] },
        { """{"type":"object","properties":{"memory":{"x-kubernetes-int-or-string":true,"pattern":"^[0-9]+(Gi|Mi)?$"}}}""", """{"memory":"80GB"}""", ["memory: Invalid value: \"80GB\": memory in body should match '^[0-9]+(Gi|Mi)?$'"] },
        { """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true}}}""", """{"port":true}""", ["port: Invalid value: \"boolean\": port in body must be of type integer or string: \"boolean\""] },
        { """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true}}}""", """{"port":1.5}""", ["port: Invalid value: \"number\": port in body must be of type integer or string: \"number\""] },
        // embedded resources
        { """{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""", """{"template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"b"}}}""", [] },
        { """{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""", """{"template":{"metadata":"x"}}""", ["template.apiVersion: Required value: must not be empty", "template.kind: Required value: must not be empty", "template.metadata: Invalid value: \"x\": template.metadata in body must be of type object: \"string\""] },
        // list types
        { """{"type":"object","properties":{"zones":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}""", """{"zones":["a","b","a"]}""", ["zones[2]: Duplicate value: \"a\""] },
        { """{"type":"object","properties":{"pools":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","region"],"items":{"type":"object","required":["name","region"],"properties":{"name":{"type":"string"},"region":{"type":"string"},"size":{"type":"integer"}}}}}}""", """{"pools":[{"name":"a","region":"th","size":1},{"name":"a","region":"sa"},{"region":"th","size":2,"name":"a"}]}""", ["pools[2]: Duplicate value: {\"name\":\"a\",\"region\":\"th\"}"] },
        { """{"type":"object","properties":{"pools":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""", """{"pools":[{"size":1}]}""", ["pools[0].name: Required value: list-map key fields must be set"] },
        { """{"type":"object","properties":{"args":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}}}}""", """{"args":["a","a"]}""", [] },
        // allOf / anyOf / oneOf / not
        { """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"anyOf":[{"required":["a"]},{"required":["b"]}]}""", """{}""", ["<root>: Invalid value: {}: body must validate at least one schema (anyOf)", "a: Required value"] },
        { """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""", """{"a":"x","b":"y"}""", ["<root>: Invalid value: {\"a\":\"x\",\"b\":\"y\"}: body must validate one and only one schema (oneOf). Found 2 valid alternatives"] },
        { """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""", """{"b":"y"}""", [] },
        { """{"type":"object","properties":{"a":{"type":"integer"}},"allOf":[{"properties":{"a":{"minimum":1}}},{"properties":{"a":{"maximum":5}}}]}""", """{"a":9}""", ["a: Invalid value: 9: a in body should be less than or equal to 5"] },
        { """{"type":"object","properties":{"mode":{"type":"string","not":{"enum":["Legacy"]}}}}""", """{"mode":"Legacy"}""", ["mode: Invalid value: \"Legacy\": mode in body must not validate the schema (not)"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keyword_reports_what_the_api_server_reports(string schema, string value, string[] expected)
    {
        Assert.Equal(expected, Errors(schema, value));
    }

    [Fact]
    public void Norway_problem_names_the_type_and_suggests_quoting()
    {
        var errors = Errors("""{"type":"object","properties":{"country":{"type":"string"}}}""", """{"country":false}""");

        var error = Assert.Single(errors);
        Assert.StartsWith("country: Invalid value: \"boolean\": country in body must be of type string: \"boolean\"", error, StringComparison.Ordinal);
        Assert.Contains("quote", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_built_in_code_work_like_deserialized_ones()
    {
        var schema = new k8s.Models.V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, k8s.Models.V1JSONSchemaProps>
            {
                ["precision"] = new() { Type = "string", EnumProperty = ["bf16", "fp8"] },
                ["labels"] = new() { Type = "object", AdditionalProperties = new k8s.Models.V1JSONSchemaProps { Type = "string" } },
                ["closed"] = new() { Type = "object", AdditionalProperties = false },
            },
        };

        var violations = SovereignOps.Api.Schema.SchemaValidator.Validate(schema, Json("""{"precision":"fp3","labels":{"a":1},"closed":{"x":1}}"""));

        Assert.Equal(
            ["precision: Unsupported value: \"fp3\": supported values: \"bf16\", \"fp8\"", "labels.a: Invalid value: \"integer\": labels.a in body must be of type string: \"integer\"; quote the value in YAML to write a number as text", "closed.x: Invalid value: \"x\": closed.x in body is a forbidden property"],
            violations.Select(v => v.ToString()));
    }
}
