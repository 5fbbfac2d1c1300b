namespace SovereignOps.Cli.Commands;

public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>One line of the pre-flight: which check, about what, the verdict and why.</summary>
public sealed record CheckResult(string Check, string Subject, CheckStatus Status, string Reason)
{
    public static CheckResult Pass(string check, string subject, string reason) => new(check, subject, CheckStatus.Pass, reason);

    public static CheckResult Warn(string check, string subject, string reason) => new(check, subject, CheckStatus.Warn, reason);

    public static CheckResult Fail(string check, string subject, string reason) => new(check, subject, CheckStatus.Fail, reason);

    public string Word => Status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };
}
