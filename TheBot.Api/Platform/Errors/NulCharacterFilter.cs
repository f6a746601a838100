using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace TheBot.Api.Platform.Errors;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (NUL), so any string an endpoint receives — a JSON body's property at
/// any depth, a query or route value — that contains one is refused with a 400 validation problem naming
/// the field, before the handler runs. Applied to every endpoint of the API group.
/// </summary>
public static class NulCharacterFilter
{
    private const string Message = "Text may not contain the NUL character (U+0000).";
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);

        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var checkedInputs = context.MethodInfo.GetParameters()
            .SelectMany((parameter, index) => Inputs(parameter, index, services))
            .ToArray();
        if (checkedInputs.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var input in checkedInputs)
            {
                if (input.Index < invocation.Arguments.Count)
                {
                    input.Collect(invocation.Arguments[input.Index], errors);
                }
            }

            return errors.Count == 0 ? next(invocation) : ValueTask.FromResult<object?>(ApiProblems.Invalid(errors));
        };
    }

    /// <summary>
    /// What of a handler's parameter comes from the request and may hold text. An <c>[AsParameters]</c> record is
    /// not one input but a list of them (query values, a body, and often services such as the DbContext, whose
    /// properties must never be walked: that would read whole tables), so each of its members is judged alone.
    /// </summary>
    private static CheckedInput[] Inputs(ParameterInfo parameter, int index, IServiceProviderIsService? services)
    {
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is null)
        {
            return IsRequestInput(parameter.ParameterType, services, parameter)
                ? [new CheckedInput(index, parameter.Name ?? string.Empty, Member: null)]
                : [];
        }

        var constructorParameters = parameter.ParameterType.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        return Readable(parameter.ParameterType)
            .Where(member => IsRequestInput(member.PropertyType, services, member, MatchingParameter(constructorParameters, member)))
            .Select(member => new CheckedInput(index, member.Name, member))
            .ToArray();
    }

    // A positional record's attributes ([FromServices]) sit on its constructor's parameters.
    private static ParameterInfo? MatchingParameter(ParameterInfo[] constructorParameters, PropertyInfo member) =>
        constructorParameters.FirstOrDefault(c => string.Equals(c.Name, member.Name, StringComparison.OrdinalIgnoreCase));

    private static bool IsRequestInput(Type type, IServiceProviderIsService? services, params ICustomAttributeProvider?[] declarations) =>
        MayHoldText(type, 0)
        && !declarations.Any(d => d is not null
            && (d.IsDefined(typeof(FromServicesAttribute), inherit: true) || d.IsDefined(typeof(FromKeyedServicesAttribute), inherit: true)))
        && services?.IsService(type) != true;

    /// <summary>A parameter (or, with <see cref="Member"/>, one member of an <c>[AsParameters]</c> record) to check.</summary>
    private sealed record CheckedInput(int Index, string Name, PropertyInfo? Member)
    {
        public void Collect(object? argument, Dictionary<string, string[]> errors)
        {
            if (Member is not null)
            {
                // A record member is keyed by its name, as the record's own fields always were.
                NulCharacterFilter.Collect(argument is null ? null : Member.GetValue(argument), Member.Name, errors, 1);
                return;
            }

            // A text parameter is keyed by its name (a query or route value); an object's fields by their own names, as in the JSON.
            NulCharacterFilter.Collect(argument, argument is string ? Name : string.Empty, errors, 0);
        }
    }

    private static void Collect(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.TryAdd(path.Length == 0 ? "body" : path, [Message]);
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Collect(entry.Key as string, path, errors, depth + 1);
                    Collect(entry.Value, Join(path, entry.Key.ToString() ?? string.Empty), errors, depth + 1);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Collect(item, $"{path}[{index++}]", errors, depth + 1);
                }

                return;
        }

        if (depth >= MaxDepth || !IsOurs(value.GetType()))
        {
            return;
        }

        foreach (var property in PropertiesByType.GetOrAdd(value.GetType(), Readable))
        {
            Collect(property.GetValue(value), Join(path, property.Name), errors, depth + 1);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static bool MayHoldText(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return true;
        }

        if (depth >= 3 || type.IsPrimitive || type.IsEnum)
        {
            return false;
        }

        if (type.IsArray)
        {
            return MayHoldText(type.GetElementType()!, depth + 1);
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments().Any(a => MayHoldText(a, depth + 1));
        }

        return IsOurs(type) && Readable(type).Any(p => MayHoldText(p.PropertyType, depth + 1));
    }

    private static bool IsOurs(Type type) => type.Assembly == typeof(NulCharacterFilter).Assembly;

    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)];
}
