namespace TheBot.AppHost.Deployment.Model;

/// <summary>A piece of a deployed value: fixed text, or a parameter the operator supplies.</summary>
public abstract record ValuePart;

public sealed record LiteralPart(string Text) : ValuePart;

public sealed record ParameterPart(DeployedParameter Parameter) : ValuePart;

/// <summary>
/// A value as deployment files must express it: literal text with the parameters (secrets among them)
/// left as references. <see cref="ConnectionStringOf"/> names the resource when the value is that
/// resource's whole connection string, so that a deployment can take it from elsewhere (a managed server).
/// </summary>
public sealed record DeployValue(IReadOnlyList<ValuePart> Parts, string? ConnectionStringOf = null)
{
    public static DeployValue Literal(string text) => new([new LiteralPart(text)]);

    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    public string LiteralText => IsLiteral
        ? string.Concat(Parts.Cast<LiteralPart>().Select(p => p.Text))
        : throw new InvalidOperationException("The value refers to parameters.");

    public IEnumerable<DeployedParameter> Parameters => Parts.OfType<ParameterPart>().Select(p => p.Parameter).Distinct();

    /// <summary>The parameter when the value is exactly one parameter and nothing else.</summary>
    public DeployedParameter? SoleParameter => Parts is [ParameterPart only] ? only.Parameter : null;

    /// <summary>Renders the value with each part turned into text by the given functions.</summary>
    public string Render(Func<string, string> literal, Func<DeployedParameter, string> parameter) =>
        string.Concat(Parts.Select(p => p switch
        {
            LiteralPart l => literal(l.Text),
            ParameterPart pp => parameter(pp.Parameter),
            _ => throw new InvalidOperationException(p.GetType().Name),
        }));
}
