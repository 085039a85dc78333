using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// The Ftp.Client symbols of one compilation, resolved once at compilation start, and the
/// recognition of FTP commands in invocations.
/// </summary>
internal sealed class FtpSymbols
{
    private static readonly ImmutableArray<string> LoginVerbs = ImmutableArray.Create("USER", "PASS");
    private static readonly ImmutableArray<string> RenameVerbs = ImmutableArray.Create("RNFR", "RNTO");
    private static readonly ImmutableArray<string> DownloadVerbs = ImmutableArray.Create("TYPE", "EPSV", "RETR");
    private static readonly ImmutableArray<string> UploadVerbs = ImmutableArray.Create("TYPE", "EPSV", "STOR");

    /// <summary>FtpConnection's methods that send commands without an [FtpCommand] verb of their own (see <see cref="GetCommand"/>).</summary>
    public static readonly ImmutableArray<string> HelperMethodNames = ImmutableArray.Create(
        "SendCommand", "SendCommandAsync", "Login", "LoginAsync", "Rename", "RenameAsync",
        "Download", "DownloadAsync", "Upload", "UploadAsync");

    // One instance per compilation, shared by every rule: symbols, verbs and call names are found once.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<FtpSymbols?>> PerCompilation = new();

    private readonly ConcurrentDictionary<IMethodSymbol, string?> _attributeVerbs = new(SymbolEqualityComparer.Default);
    private readonly Lazy<CommandCallNames> _callNames;
    private readonly Lazy<Flow.HelperSummaries> _helpers;
    private readonly ConcurrentDictionary<IPropertySymbol, bool> _autoProperties = new(SymbolEqualityComparer.Default);

    private FtpSymbols(Compilation compilation, INamedTypeSymbol connection, INamedTypeSymbol? commandAttribute)
    {
        Connection = connection;
        CommandAttribute = commandAttribute;
        Protection = compilation.GetTypeByMetadataName("Ftp.FtpProtection");
        Options = compilation.GetTypeByMetadataName("Ftp.FtpConnectionOptions");
        _callNames = new Lazy<CommandCallNames>(() => CommandCallNames.Create(compilation, this));
        _helpers = new Lazy<Flow.HelperSummaries>(() => new Flow.HelperSummaries(this));
    }

    /// <summary>The summaries of this compilation's helpers that act on a connection they receive, computed on demand.</summary>
    public Flow.HelperSummaries Helpers => _helpers.Value;

    public INamedTypeSymbol Connection { get; }

    public INamedTypeSymbol? CommandAttribute { get; }

    /// <summary>Ftp.FtpProtection, the level argument of Prot (null with an older Ftp.Client).</summary>
    public INamedTypeSymbol? Protection { get; }

    /// <summary>Ftp.FtpConnectionOptions, whose Encryption decides whether a connection starts in TLS.</summary>
    public INamedTypeSymbol? Options { get; }

    /// <summary>The names a call must have to send a command in this compilation, found on first use.</summary>
    public CommandCallNames CallNames => _callNames.Value;

    /// <summary>The symbols, or null when the compilation does not reference Ftp.Client.</summary>
    public static FtpSymbols? TryCreate(Compilation compilation)
        => PerCompilation.GetValue(compilation, c => new StrongBox<FtpSymbols?>(Create(c))).Value;

    private static FtpSymbols? Create(Compilation compilation)
    {
        var connection = compilation.GetTypeByMetadataName("Ftp.FtpConnection");
        return connection is null ? null : new FtpSymbols(compilation, connection, compilation.GetTypeByMetadataName("Ftp.FtpCommandAttribute"));
    }

    public bool IsConnection(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Connection);

    /// <summary>FtpConnection.Connect or ConnectAsync: a connection that starts in the greeted state.</summary>
    public bool IsConnect(IMethodSymbol method)
        => method.IsStatic && IsConnection(method.ContainingType) && method.Name is "Connect" or "ConnectAsync";

    /// <summary>
    /// The FTP command an invocation sends, or null when it sends none. The verbs are in the order
    /// they go on the wire; a null verb means "some command whose verb is not known".
    /// </summary>
    public FtpCommandCall? GetCommand(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method is null)
            return null;

        var attributeVerb = GetAttributeVerb(method);
        if (attributeVerb is not null)
        {
            var connection = method.IsStatic ? FirstArgument(invocation) : invocation.Instance;
            if (connection is null || !IsConnection(connection.Type ?? (method.IsStatic ? method.Parameters[0].Type : method.ContainingType)))
                return null;
            return new FtpCommandCall(invocation, connection, ImmutableArray.Create<string?>(attributeVerb == FtpVerbs.Prot ? ProtVerbOf(invocation) : attributeVerb));
        }

        if (method.IsStatic || invocation.Instance is null || !IsConnection(method.ContainingType))
            return null;

        ImmutableArray<string?> verbs;
        // The cases are HelperMethodNames.
        switch (method.Name)
        {
            case "SendCommand":
            case "SendCommandAsync":
                verbs = ImmutableArray.Create(CommandLineVerb.QualifiedOf(FirstArgument(invocation)));
                break;
            case "Login":
            case "LoginAsync":
                verbs = LoginVerbs.CastArray<string?>();
                break;
            case "Rename":
            case "RenameAsync":
                verbs = RenameVerbs.CastArray<string?>();
                break;
            case "Download":
            case "DownloadAsync":
                verbs = DownloadVerbs.CastArray<string?>();
                break;
            case "Upload":
            case "UploadAsync":
                verbs = UploadVerbs.CastArray<string?>();
                break;
            default:
                return null;
        }

        return new FtpCommandCall(invocation, invocation.Instance, verbs);
    }

    /// <summary>
    /// A PROT method's verb with its level: "PROT P" or "PROT C" when an argument of type
    /// FtpProtection is a constant (<c>Prot(FtpProtection.Private)</c>), else "PROT".
    /// </summary>
    private string ProtVerbOf(IInvocationOperation invocation)
    {
        if (Protection is null)
            return FtpVerbs.Prot;
        string? verb = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !SymbolEqualityComparer.Default.Equals(parameter.Type, Protection))
                continue;
            if (verb is not null || argument.Value.ConstantValue is not { HasValue: true, Value: { } level })
                return FtpVerbs.Prot;
            verb = Equals(level, EnumValue(Protection, "Private")) ? FtpVerbs.ProtPrivate
                : Equals(level, EnumValue(Protection, "Clear")) ? FtpVerbs.ProtClear
                : FtpVerbs.Prot;
        }

        return verb ?? FtpVerbs.Prot;
    }

    /// <summary>The constant value of an enum member, or null.</summary>
    internal static object? EnumValue(INamedTypeSymbol enumType, string member)
        => enumType.GetMembers(member).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } field ? field.ConstantValue : null;

    /// <summary>The verb of a method marked [FtpCommand("VERB")], or null.</summary>
    public string? GetAttributeVerb(IMethodSymbol method)
    {
        if (CommandAttribute is null)
            return null;
        method = method.ReducedFrom ?? method;
        return _attributeVerbs.GetOrAdd(method.OriginalDefinition, m =>
        {
            foreach (var attribute in m.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, CommandAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string verb
                    && CommandLineVerb.IsVerb(verb)
                    && (!m.IsStatic || (m.Parameters.Length > 0 && IsConnection(m.Parameters[0].Type))))
                {
                    return verb.ToUpperInvariant();
                }
            }

            return null;
        });
    }

    /// <summary>
    /// The variable a read of a connection reads, the one the analysis tracks and the fixers edit:
    /// a local, a parameter, or a field or auto-property of this object (or static), of type
    /// FtpConnection; null for anything else. An auto-property counts because reading it twice
    /// gives the same object; a property with a body may not.
    /// </summary>
    public ISymbol? ConnectionVariable(IOperation operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local when IsConnection(local.Type):
                return local.Local;
            case IParameterReferenceOperation parameter when IsConnection(parameter.Type):
                return parameter.Parameter;
            case IFieldReferenceOperation field when IsConnection(field.Type) && IsThisOrStatic(field.Instance):
                return field.Field;
            case IPropertyReferenceOperation property when IsConnection(property.Type)
                                                          && property.Arguments.IsEmpty
                                                          && IsThisOrStatic(property.Instance)
                                                          && IsAutoProperty(property.Property):
                return property.Property;
            default:
                return null;
        }
    }

    private static bool IsThisOrStatic(IOperation? instance)
        => instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>
    /// An auto-property of source code: reading it twice gives the same object, so it can be
    /// tracked like a field. A property with a body may compute a new connection on every read.
    /// </summary>
    public bool IsAutoProperty(IPropertySymbol property)
        => _autoProperties.GetOrAdd(property, p =>
        {
            if (p.IsIndexer || p.DeclaringSyntaxReferences.Length != 1)
                return false;
            return p.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
        });

    private static IOperation? FirstArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
                return argument.Value;
        }

        return null;
    }
}
