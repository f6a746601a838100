using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TheBot.Tests.Api.Architecture;

/// <summary>A type of the assembly using another type: <see cref="From"/> and <see cref="To"/> are full names, each with its namespace.</summary>
public sealed record TypeUse(string From, string FromNamespace, string To, string ToNamespace);

/// <summary>
/// Every type an assembly's types use, read from the compiled IL: base types and interfaces, fields, properties,
/// events, method signatures, locals, the types and members method bodies touch, generic arguments and constraints,
/// attributes and the types their arguments name. Nested and compiler-generated types (lambdas' closures, async state
/// machines) count as their outermost declaring type, so a lambda's use belongs to the class it was written in.
/// </summary>
public static class AssemblyTypeReferences
{
    public static IReadOnlyList<TypeUse> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });
        var uses = new HashSet<TypeUse>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            var collector = new Collector(to => uses.Add(new TypeUse(from.FullName, from.Namespace, to.FullName, to.Namespace)));
            collector.Type(type);
        }

        return uses.ToList();
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private sealed class Collector(Action<TypeReference> use)
    {
        public void Type(TypeDefinition type)
        {
            Reference(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                Reference(implemented.InterfaceType);
                Attributes(implemented);
            }

            GenericParameters(type);
            Attributes(type);

            foreach (var field in type.Fields)
            {
                Reference(field.FieldType);
                Attributes(field);
            }

            foreach (var property in type.Properties)
            {
                Reference(property.PropertyType);
                Attributes(property);
                foreach (var parameter in property.Parameters)
                {
                    Reference(parameter.ParameterType);
                }
            }

            foreach (var @event in type.Events)
            {
                Reference(@event.EventType);
                Attributes(@event);
            }

            foreach (var method in type.Methods)
            {
                Method(method);
            }
        }

        private void Method(MethodDefinition method)
        {
            Reference(method.ReturnType);
            Attributes(method);
            Attributes(method.MethodReturnType);
            GenericParameters(method);
            foreach (var parameter in method.Parameters)
            {
                Reference(parameter.ParameterType);
                Attributes(parameter);
            }

            foreach (var overridden in method.Overrides)
            {
                Member(overridden);
            }

            if (!method.HasBody)
            {
                return;
            }

            foreach (var variable in method.Body.Variables)
            {
                Reference(variable.VariableType);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                Reference(handler.CatchType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction);
            }
        }

        private void Operand(Instruction instruction)
        {
            switch (instruction.Operand)
            {
                case TypeReference type:
                    Reference(type);
                    break;
                case MemberReference member:
                    Member(member);
                    break;
                case CallSite callSite:
                    Reference(callSite.ReturnType);
                    foreach (var parameter in callSite.Parameters)
                    {
                        Reference(parameter.ParameterType);
                    }

                    break;
            }
        }

        private void Member(MemberReference member)
        {
            Reference(member.DeclaringType);
            switch (member)
            {
                case GenericInstanceMethod generic:
                    foreach (var argument in generic.GenericArguments)
                    {
                        Reference(argument);
                    }

                    Member(generic.ElementMethod);
                    break;
                case MethodReference method:
                    Reference(method.ReturnType);
                    foreach (var parameter in method.Parameters)
                    {
                        Reference(parameter.ParameterType);
                    }

                    break;
                case FieldReference field:
                    Reference(field.FieldType);
                    break;
            }
        }

        private void GenericParameters(IGenericParameterProvider provider)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                Attributes(parameter);
                foreach (var constraint in parameter.Constraints)
                {
                    Reference(constraint.ConstraintType);
                    Attributes(constraint);
                }
            }
        }

        private void Attributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes)
            {
                return;
            }

            foreach (var attribute in provider.CustomAttributes)
            {
                Member(attribute.Constructor);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Argument(argument);
                }

                foreach (var named in attribute.Fields.Concat(attribute.Properties))
                {
                    Argument(named.Argument);
                }
            }
        }

        private void Argument(CustomAttributeArgument argument)
        {
            Reference(argument.Type);
            switch (argument.Value)
            {
                case TypeReference named:
                    Reference(named);
                    break;
                case CustomAttributeArgument boxed:
                    Argument(boxed);
                    break;
                case CustomAttributeArgument[] items:
                    foreach (var item in items)
                    {
                        Argument(item);
                    }

                    break;
            }
        }

        private void Reference(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Reference(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Reference(argument);
                    }

                    return;
                case FunctionPointerType pointer:
                    Reference(pointer.ReturnType);
                    foreach (var parameter in pointer.Parameters)
                    {
                        Reference(parameter.ParameterType);
                    }

                    return;
                case IModifierType modified:
                    Reference(modified.ModifierType);
                    Reference(modified.ElementType);
                    return;
                case TypeSpecification specification:
                    Reference(specification.ElementType);
                    return;
                default:
                    use(Outermost(type));
                    return;
            }
        }
    }
}
