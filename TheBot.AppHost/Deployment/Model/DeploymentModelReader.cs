using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment.Model;

/// <summary>
/// Reads the AppHost's model in publish mode into a <see cref="DeploymentModel"/>: runs the environment and
/// argument callbacks the way a publisher does, and reduces every value to literal text and parameter
/// references. Parameter values are never read, so no secret can reach a generated file.
/// </summary>
public sealed class DeploymentModelReader(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext)
{
    /// <summary>The port .NET images listen on (<c>ASPNETCORE_HTTP_PORTS</c> of Microsoft's base images).</summary>
    public const int ProjectContainerPort = 8080;

    /// <summary>The working directory of images built by the .NET SDK.</summary>
    public const string ProjectAppDirectory = "/app";

    private readonly Dictionary<string, DeployedParameter> _parameters = [];

    /// <summary>The repository of the image the SDK builds for a project resource (see Directory.Build.props).</summary>
    public static string ProjectImageRepository(string resourceName) => $"thebot-{resourceName}";

    public async Task<DeploymentModel> ReadAsync(string version, CancellationToken cancellationToken)
    {
        var services = new List<DeployedService>();
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case ProjectResource project:
                    services.Add(await ReadServiceAsync(project, ServiceKind.Project, ProjectImageRepository(project.Name), version, cancellationToken));
                    break;
                case ContainerResource container:
                    var image = container.Annotations.OfType<ContainerImageAnnotation>().Last();
                    var repository = image.Registry is null ? image.Image : $"{image.Registry}/{image.Image}";
                    services.Add(await ReadServiceAsync(container, ServiceKind.Container, repository, image.Tag ?? "latest", cancellationToken));
                    break;
            }
        }

        var parameters = model.Resources.OfType<ParameterResource>()
            .Where(p => _parameters.ContainsKey(p.Name))
            .Select(p => _parameters[p.Name])
            .ToList();
        return new DeploymentModel(version, services, parameters);
    }

    private async Task<DeployedService> ReadServiceAsync(IResource resource, ServiceKind kind, string imageRepository, string imageTag, CancellationToken cancellationToken)
    {
        var limits = Required<ResourceLimitsAnnotation>(resource, "WithResourceLimits");
        var hardening = Required<HardeningAnnotation>(resource, "WithHardening");
        var httpProbes = resource.Annotations.OfType<HttpProbesAnnotation>().LastOrDefault();
        var execProbe = resource.Annotations.OfType<ExecProbeAnnotation>().LastOrDefault();
        if (httpProbes is null && execProbe is null)
        {
            throw new InvalidOperationException($"Resource '{resource.Name}' declares no probe: add WithHealthProbes or WithExecProbe.");
        }

        var environment = await ReadEnvironmentAsync(resource, cancellationToken);
        var volumes = resource.Annotations.OfType<ContainerMountAnnotation>()
            .Where(m => m.Type == ContainerMountType.Volume && m.Source is not null)
            .Select(m => new ServiceVolume(m.Source!, m.Target, m.IsReadOnly))
            .ToList();
        foreach (var store in resource.Annotations.OfType<FileStoreAnnotation>())
        {
            volumes.Add(new ServiceVolume(store.VolumeName, store.MountPath, ReadOnly: false));
            if (!environment.Exists(v => v.Name == store.EnvironmentVariable))
            {
                environment.Add(new EnvironmentVariable(store.EnvironmentVariable, DeployValue.Literal(store.MountPath)));
            }
        }

        foreach (var pool in resource.Annotations.OfType<ConnectionPoolAnnotation>())
        {
            var index = environment.FindIndex(v => v.Name == $"ConnectionStrings__{pool.ConnectionName}");
            if (index < 0)
            {
                throw new InvalidOperationException($"'{resource.Name}' sizes the pool of '{pool.ConnectionName}' but has no such connection string.");
            }

            var value = environment[index].Value;
            var sized = string.Create(CultureInfo.InvariantCulture, $";Maximum Pool Size={pool.MaxPoolSize}");
            environment[index] = environment[index] with { Value = value with { Parts = MergeLiterals([.. value.Parts, new LiteralPart(sized)]) } };
        }

        var secretFiles = kind == ServiceKind.Project ? TakeSecretFiles(resource, environment) : [];

        return new DeployedService(
            resource.Name,
            kind,
            imageRepository,
            imageTag,
            (resource as ContainerResource)?.Entrypoint,
            await ReadArgsAsync(resource, cancellationToken),
            environment,
            secretFiles,
            ReadPorts(resource, kind),
            volumes,
            limits,
            httpProbes,
            execProbe,
            hardening,
            RelatedServices(resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)),
            RelatedServices(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource)),
            resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1,
            resource is ProjectResource project ? Path.GetFileNameWithoutExtension(project.GetProjectMetadata().ProjectPath) : null,
            [.. resource.Annotations.OfType<ExternalEgressAnnotation>()],
            resource.Annotations.OfType<ManagedServerPortsAnnotation>().LastOrDefault()?.Ports ?? []);
    }

    /// <summary>
    /// Takes the secrets out of a .NET service's environment: a variable that is a credential becomes a file of the same
    /// name; a connection string keeps its place without its password, which becomes the file
    /// <c>ConnectionPasswords__&lt;name&gt;</c> (TheBot.ServiceDefaults' ConnectionPasswords). Settings stay variables.
    /// </summary>
    private static List<SecretFile> TakeSecretFiles(IResource resource, List<EnvironmentVariable> environment)
    {
        var files = new List<SecretFile>();
        for (var i = 0; i < environment.Count; i++)
        {
            var (name, value) = (environment[i].Name, environment[i].Value);
            if (value.IsLiteral || value.SoleParameter is { IsSetting: true })
            {
                continue;
            }

            if (value.SoleParameter is { } parameter)
            {
                files.Add(new SecretFile(name, parameter));
                environment.RemoveAt(i--);
            }
            else if (value.ConnectionStringOf is not null && name.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal))
            {
                var (withoutPassword, password) = SplitPassword(resource, name, value);
                files.Add(new SecretFile(ConnectionPasswordPrefix + name[ConnectionStringPrefix.Length..], password, new ConnectionStringVariable(name, value)));
                environment[i] = environment[i] with { Value = withoutPassword };
            }
            else
            {
                throw new InvalidOperationException($"'{resource.Name}' composes {name} from secrets; only a connection string's password can be kept apart.");
            }
        }

        return files;
    }

    private const string ConnectionStringPrefix = "ConnectionStrings__";
    private const string ConnectionPasswordPrefix = "ConnectionPasswords__";

    /// <summary>
    /// Aspire writes a password as <c>;Password={p}</c> (PostgreSQL) or <c>,password={p}</c> (Redis): the part with its
    /// separator comes out, whatever follows stays.
    /// </summary>
    private static (DeployValue WithoutPassword, DeployedParameter Password) SplitPassword(IResource resource, string name, DeployValue value)
    {
        var parts = value.Parts.ToList();
        var index = parts.FindIndex(p => p is ParameterPart);
        if (index < 1 || parts.Skip(index + 1).Any(p => p is ParameterPart)
            || parts[index - 1] is not LiteralPart { Text: var before }
            || !(before.EndsWith(";Password=", StringComparison.OrdinalIgnoreCase) || before.EndsWith(",password=", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"'{resource.Name}': {name} has its secret somewhere other than one ';Password=' or ',password=' part.");
        }

        var password = ((ParameterPart)parts[index]).Parameter;
        parts[index - 1] = new LiteralPart(before[..^";Password=".Length]);
        parts.RemoveAt(index);
        return (value with { Parts = MergeLiterals(parts) }, password);
    }

    private static T Required<T>(IResource resource, string declaredWith) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>().LastOrDefault()
        ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no {typeof(T).Name}: declare it with {declaredWith} in the AppHost.");

    private static List<ServicePort> ReadPorts(IResource resource, ServiceKind kind) =>
        resource.Annotations.OfType<EndpointAnnotation>()
            .Where(e => IsDeployed(resource, e))
            .Select(e => new ServicePort(e.Name, e.UriScheme, TargetPort(resource, e), e.IsExternal ? e.Port ?? TargetPort(resource, e) : null))
            .ToList();

    /// <summary>TLS ends at the ingress or the reverse proxy in front, so projects expose plain HTTP only.</summary>
    private static bool IsDeployed(IResource resource, EndpointAnnotation endpoint) =>
        resource is not ProjectResource || endpoint.UriScheme != "https";

    private static int TargetPort(IResource resource, EndpointAnnotation endpoint) =>
        endpoint.TargetPort ?? (resource is ProjectResource
            ? ProjectContainerPort
            : throw new InvalidOperationException($"Endpoint '{endpoint.Name}' of '{resource.Name}' has no target port."));

    private static List<string> RelatedServices(IEnumerable<IResource> resources) =>
        resources.Select(ServiceOf).OfType<IResource>()
            .Where(r => r is ProjectResource or ContainerResource)
            .Select(r => r.Name)
            .Distinct()
            .ToList();

    private static IResource? ServiceOf(IResource resource) => resource switch
    {
        ProjectResource or ContainerResource => resource,
        IResourceWithParent child => ServiceOf(child.Parent),
        _ => null,
    };

    private async Task<List<EnvironmentVariable>> ReadEnvironmentAsync(IResource resource, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, resource, values, cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var environment = new List<EnvironmentVariable>();
        foreach (var (name, value) in values)
        {
            if (await ResolveAsync(value, cancellationToken) is { } resolved)
            {
                environment.Add(new EnvironmentVariable(name, resolved));
            }
        }

        return environment;
    }

    private async Task<List<DeployValue>> ReadArgsAsync(IResource resource, CancellationToken cancellationToken)
    {
        var values = new List<object>();
        var context = new CommandLineArgsCallbackContext(values, resource, cancellationToken) { ExecutionContext = executionContext };
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var args = new List<DeployValue>();
        foreach (var value in values)
        {
            args.Add(await ResolveAsync(value, cancellationToken)
                ?? throw new InvalidOperationException($"An argument of '{resource.Name}' refers to something that is not deployed."));
        }

        return args;
    }

    /// <summary>The value as deployment files express it, or null when it refers to something not deployed.</summary>
    private async Task<DeployValue?> ResolveAsync(object? value, CancellationToken cancellationToken)
    {
        var parts = new List<ValuePart>();
        if (!await AppendAsync(parts, value, format: null, cancellationToken))
        {
            return null;
        }

        var connectionStringOf = value switch
        {
            ConnectionStringReference reference => reference.Resource.Name,
            IResourceWithConnectionString resource => resource.Name,
            _ => null,
        };
        return new DeployValue(MergeLiterals(parts), connectionStringOf);
    }

    private async Task<bool> AppendAsync(List<ValuePart> parts, object? value, string? format, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case null:
                return true;
            case string text:
                parts.Add(new LiteralPart(format == "uri" ? Uri.EscapeDataString(text) : text));
                return true;
            case ParameterResource parameter:
                // Parameters stay references; secrets are generated as letters and digits, so "uri" encoding is the identity.
                parts.Add(new ParameterPart(Parameter(parameter)));
                return true;
            case ConnectionStringReference reference:
                return await AppendAsync(parts, reference.Resource.ConnectionStringExpression, format, cancellationToken);
            case IResourceWithConnectionString resource:
                return await AppendAsync(parts, resource.ConnectionStringExpression, format, cancellationToken);
            case EndpointReference endpoint:
                return AppendEndpoint(parts, endpoint, EndpointProperty.Url);
            case EndpointReferenceExpression expression:
                return AppendEndpoint(parts, expression.Endpoint, expression.Property);
            case ReferenceExpression { IsConditional: true } conditional:
                var branch = await ConditionHoldsAsync(conditional, cancellationToken) ? conditional.WhenTrue : conditional.WhenFalse;
                return await AppendAsync(parts, branch, format, cancellationToken);
            case ReferenceExpression expression:
                return await AppendExpressionAsync(parts, expression, cancellationToken);
            default:
                throw new InvalidOperationException($"Cannot express a {value.GetType().Name} in deployment files.");
        }
    }

    private async Task<bool> AppendExpressionAsync(List<ValuePart> parts, ReferenceExpression expression, CancellationToken cancellationToken)
    {
        foreach (var segment in FormatSegments.Parse(expression.Format))
        {
            if (segment.ProviderIndex is not { } index)
            {
                parts.Add(new LiteralPart(segment.Literal!));
                continue;
            }

            var providerFormat = index < expression.StringFormats.Count ? expression.StringFormats[index] : null;
            if (!await AppendAsync(parts, expression.ValueProviders[index], providerFormat, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Services talk to each other inside the deployment's network, where there is no TLS.</summary>
    private static async Task<bool> ConditionHoldsAsync(ReferenceExpression conditional, CancellationToken cancellationToken)
    {
        var condition = conditional.Condition is EndpointReferenceExpression { Property: EndpointProperty.TlsEnabled }
            ? bool.FalseString
            : await conditional.Condition!.GetValueAsync(cancellationToken);
        return string.Equals(condition, conditional.MatchValue, StringComparison.OrdinalIgnoreCase);
    }

    private static bool AppendEndpoint(List<ValuePart> parts, EndpointReference endpoint, EndpointProperty property)
    {
        var annotation = endpoint.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint.EndpointName);
        if (!IsDeployed(endpoint.Resource, annotation))
        {
            return false;
        }

        var host = ServiceOf(endpoint.Resource)!.Name;
        var port = TargetPort(endpoint.Resource, annotation).ToString(CultureInfo.InvariantCulture);
        parts.Add(new LiteralPart(property switch
        {
            EndpointProperty.Url => $"{annotation.UriScheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            EndpointProperty.Scheme => annotation.UriScheme,
            EndpointProperty.TlsEnabled => bool.FalseString,
            _ => throw new InvalidOperationException($"Endpoint property {property} is not supported in deployment files."),
        }));
        return true;
    }

    private DeployedParameter Parameter(ParameterResource parameter)
    {
        if (!_parameters.TryGetValue(parameter.Name, out var deployed))
        {
            var minLength = parameter.Default is GenerateParameterDefault generated ? generated.MinLength : (int?)null;
            var optional = parameter.Annotations.OfType<OptionalWhenDeployedAnnotation>().LastOrDefault();
            deployed = new DeployedParameter(parameter.Name, parameter.Secret, parameter.Description, minLength, optional is not null, optional?.DefaultValue ?? "");
            _parameters[parameter.Name] = deployed;
        }

        return deployed;
    }

    private static List<ValuePart> MergeLiterals(IEnumerable<ValuePart> parts)
    {
        var merged = new List<ValuePart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart next && merged is [.., LiteralPart previous])
            {
                merged[^1] = new LiteralPart(previous.Text + next.Text);
            }
            else if (part is not LiteralPart { Text: "" })
            {
                merged.Add(part);
            }
        }

        return merged.Count == 0 ? [new LiteralPart("")] : merged;
    }
}
