using System.Reflection;
using System.Text;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Api;

/// <summary>
/// The library's public surface, approved line by line: other code relies on these names. A change shows up as a
/// diff of <c>Api/PublicApi.approved.txt</c>; set SCAMSCRIPT_UPDATE_GOLDEN=1 to rewrite it, then review the diff.
/// </summary>
public class PublicApiTests
{
    private const string ApprovedFile = "Api/PublicApi.approved.txt";

    [Fact]
    public void PublicApi_MatchesTheApprovedSurface()
    {
        var actual = Describe(typeof(ScamClassifier).Assembly);
        var path = Path.Combine(Repository.Root, "tests", "ScamScriptClassifier.Tests", ApprovedFile);

        if (Environment.GetEnvironmentVariable("SCAMSCRIPT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void PublicApi_Constants_AreNamesNotPolicyValues()
    {
        // A public const is compiled into the caller; a policy value (a version, a size, a threshold) must be read from
        // the library that runs. Only names that are part of the contract (a configuration section, a meter) stay const.
        var constants = typeof(ScamClassifier).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(["ScamClassifierOptions.SectionName", "ScamScriptMetrics.MeterName"], constants);
    }

    private static string Describe(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(Kind(type)).Append(' ').Append(Name(type));
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                builder.Append(" : ").Append(Name(baseType));
            }

            builder.Append('\n');
            const BindingFlags members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var line in type.GetMembers(members).Select(Member).Where(l => l is not null).Order(StringComparer.Ordinal))
            {
                builder.Append("    ").Append(line).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : "class";

    private static string? Member(MemberInfo member) => member switch
    {
        FieldInfo { IsSpecialName: false } field when field.DeclaringType!.IsEnum => field.Name,
        FieldInfo field when !field.IsSpecialName => $"{(field.IsLiteral ? "const" : field.IsStatic ? "static" : "field")} {Name(field.FieldType)} {field.Name}",
        PropertyInfo property => $"{(property.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(property.PropertyType)} {property.Name} {{ {(property.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{Setter(property)}}}",
        MethodInfo { IsSpecialName: false } method when method.Name is not ("Equals" or "GetHashCode" or "ToString" or "<Clone>$" or "Deconstruct" or "PrintMembers") =>
            $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType)} {method.Name}({Parameters(method)})",
        ConstructorInfo constructor => $"ctor({Parameters(constructor)})",
        EventInfo @event => $"event {Name(@event.EventHandlerType!)} {@event.Name}",
        _ => null,
    };

    private static string Setter(PropertyInfo property) =>
        property.SetMethod is not { IsPublic: true } setter ? string.Empty
        : setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) ? "init; "
        : "set; ";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{Default(p)}"));

    private static string Default(ParameterInfo parameter) =>
        !parameter.HasDefaultValue ? string.Empty
        : parameter.DefaultValue is null ? (parameter.ParameterType.IsValueType ? " = default" : " = null")
        : $" = {parameter.DefaultValue}";

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (!type.IsGenericType)
        {
            return type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
