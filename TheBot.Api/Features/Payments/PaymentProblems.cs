using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Payments;

public static class PaymentProblems
{
    /// <summary>The problem type clients recognise (the SPA says it in the user's language).</summary>
    public const string NotConfiguredType = "tag:thebot,2026:problems/payments-not-configured";

    /// <summary>No provider takes payments here (fail closed): nothing was started, nothing can be charged.</summary>
    public static ProblemHttpResult NotConfigured() => ApiProblems.Unavailable(
        "Payments are not configured",
        "Online payment is not available: no payment provider is set up for this site. Nothing was charged.",
        NotConfiguredType);
}
