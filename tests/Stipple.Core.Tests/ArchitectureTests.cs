using System.Reflection;
using Stipple.Core.Security;

namespace Stipple.Core.Tests;

/// <summary>Layering rules: Core and Domain stay free of persistence and web frameworks.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Npgsql",
    ];

    private static readonly string[] LayersAboveCore =
    [
        "Stipple.Domain",
        "Stipple.Data",
        "Stipple.Web",
        "Stipple.Cli",
    ];

    private static Assembly CoreAssembly => typeof(Base32).Assembly;

    private static Assembly DomainAssembly => typeof(Stipple.Domain.Studio).Assembly;

    public static TheoryData<string> PureAssemblies => new() { "Stipple.Core", "Stipple.Domain" };

    [Fact]
    public void Assemblies_under_test_are_the_expected_ones()
    {
        CoreAssembly.GetName().Name.ShouldBe("Stipple.Core");
        DomainAssembly.GetName().Name.ShouldBe("Stipple.Domain");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void Pure_assemblies_reference_no_framework_assemblies(string assemblyName)
    {
        var offending = Resolve(assemblyName)
            .GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(IsForbidden)
            .ToList();

        offending.ShouldBeEmpty($"{assemblyName} must not reference EF Core, ASP.NET Core or Npgsql.");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void Stipple_reference_closure_of_pure_assemblies_references_no_framework_assemblies(string assemblyName)
    {
        var violations = new List<string>();
        foreach (var assembly in StippleClosure(Resolve(assemblyName)))
        {
            violations.AddRange(
                assembly.GetReferencedAssemblies()
                    .Select(a => a.Name ?? string.Empty)
                    .Where(IsForbidden)
                    .Select(name => $"{assembly.GetName().Name} -> {name}"));
        }

        violations.ShouldBeEmpty($"Nothing reachable from {assemblyName} may reference EF Core, ASP.NET Core or Npgsql.");
    }

    [Fact]
    public void Core_does_not_reference_higher_layers_directly_or_transitively()
    {
        var direct = CoreAssembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        direct.ShouldNotContain(name => LayersAboveCore.Contains(name, StringComparer.OrdinalIgnoreCase));

        var closure = StippleClosure(CoreAssembly).Select(a => a.GetName().Name ?? string.Empty).ToList();
        closure.ShouldNotContain(name => LayersAboveCore.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Closure_walk_starts_at_the_root_and_stays_within_Stipple_assemblies()
    {
        // Guards the walker itself: every assembly in a closure is a Stipple assembly, starting with the root.
        var closure = StippleClosure(DomainAssembly).Select(a => a.GetName().Name).ToList();
        closure[0].ShouldBe("Stipple.Domain");
        closure.ShouldAllBe(name => name != null && name.StartsWith("Stipple.", StringComparison.Ordinal));
    }

    private static Assembly Resolve(string assemblyName) => assemblyName switch
    {
        "Stipple.Core" => CoreAssembly,
        "Stipple.Domain" => DomainAssembly,
        _ => throw new ArgumentOutOfRangeException(nameof(assemblyName), assemblyName, "Unknown assembly under test."),
    };

    private static bool IsForbidden(string assemblyName) =>
        ForbiddenPrefixes.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The root plus every Stipple.* assembly reachable from it through assembly references, root first.</summary>
    private static List<Assembly> StippleClosure(Assembly root)
    {
        var result = new List<Assembly>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>();
        pending.Enqueue(root);
        seen.Add(root.GetName().Name ?? string.Empty);

        while (pending.TryDequeue(out var assembly))
        {
            result.Add(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name ?? string.Empty;
                if (name.StartsWith("Stipple.", StringComparison.OrdinalIgnoreCase) && seen.Add(name))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return result;
    }
}
