using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Api.Features.Auth;

public static class PasswordResetApi
{
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder api)
    {
        var reset = api.MapGroup("/auth/password-reset").WithTags("Auth");

        reset.MapPost("/", RequestAsync).AllowAnyone()
            .WithName("RequestPasswordReset")
            .WithSummary("E-mail a single-use password reset link to the address, if an active account has it (always 202)")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        reset.MapPost("/confirm", ConfirmAsync).AllowAnyone()
            .WithName("ConfirmPasswordReset")
            .WithSummary("Set a new password with a reset link's token; ends every session of the account")
            .ProducesProblem(StatusCodes.Status410Gone);

        return api;
    }

    private static async Task<Results<Accepted, TooManyRequestsResult>> RequestAsync(
        RequestPasswordResetRequest request, HttpContext http, PasswordResetThrottle throttle, PasswordResets resets, CancellationToken ct)
    {
        if (await throttle.TryRequestAsync(http.GetClientNetwork(), request.Email) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many password reset requests. Try again later.");
        }

        await resets.RequestAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        ConfirmPasswordResetRequest request, PasswordResets resets, CancellationToken ct)
    {
        var outcome = await resets.ConfirmAsync(request.Token, request.NewPassword, ct);
        return outcome.Result switch
        {
            PasswordResetResult.Done => TypedResults.NoContent(),
            PasswordResetResult.Invalid => ApiProblems.Invalid(outcome.Errors!),
            PasswordResetResult.Expired => TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone, title: "The link has expired",
                detail: "This password reset link has expired; ask for a new one."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The link is not valid",
                detail: "This password reset link is not valid or has already been used; ask for a new one."),
        };
    }
}

public sealed record RequestPasswordResetRequest([property: Required, EmailAddress, MaxLength(254)] string Email);

public sealed record ConfirmPasswordResetRequest(
    [property: Required, MaxLength(128)] string Token,
    [property: Required, MinLength(PasswordPolicy.MinimumLength), MaxLength(PasswordPolicy.MaximumLength)] string NewPassword);
