using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// The state a connection starts in when FtpConnection.Connect or ConnectAsync opens it: in clear
/// text, or over TLS when its FtpConnectionOptions say <c>Encryption = Explicit</c> or
/// <c>Implicit</c> as a constant the method shows (an initializer in the call, or a local
/// initialized so and used for nothing but Connect calls and property reads). Anything else (a
/// field, a parameter, a value computed at run time, a local changed or handed on) leaves the
/// encryption unknown, and the TLS rules silent. Shared by every engine that applies a Connect.
/// </summary>
internal static class ConnectEncryption
{
    private enum Encryption
    {
        Clear,
        Tls,
        Unknown,
    }

    /// <summary>
    /// The facts of the connection <paramref name="connect"/> opens: a Connect call, possibly an
    /// operation of a control-flow graph, whose member <paramref name="model"/> binds (the graph's
    /// operations have none of their own).
    /// </summary>
    public static ConnectionFacts FactsAfter(IInvocationOperation connect, SemanticModel? model, FtpSymbols symbols)
    {
        try
        {
            return EncryptionOf(connect, model, symbols) switch
            {
                Encryption.Clear => ConnectionFacts.JustConnected,
                Encryption.Tls => ConnectionFacts.JustConnectedOverTls,
                _ => ConnectionFacts.JustConnectedWithUnknownEncryption,
            };
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            return ConnectionFacts.JustConnectedWithUnknownEncryption;
        }
    }

    private static Encryption EncryptionOf(IInvocationOperation connect, SemanticModel? model, FtpSymbols symbols)
    {
        if (symbols.Options is not { } optionsType)
            return Encryption.Clear; // An Ftp.Client without options has no TLS.

        // A graph's operations are rewritten (object initializers become captures): read the call as written.
        var original = (connect.SemanticModel ?? model)?.GetOperation(connect.Syntax) as IInvocationOperation ?? connect;
        IArgumentOperation? options = null;
        foreach (var argument in original.Arguments)
        {
            if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, optionsType))
                options = argument;
        }

        if (options is null || options.ArgumentKind == ArgumentKind.DefaultValue)
            return Encryption.Clear;
        return EncryptionOfValue(Unwrap(options.Value), original, optionsType, symbols);
    }

    private static Encryption EncryptionOfValue(IOperation? value, IOperation connect, INamedTypeSymbol optionsType, FtpSymbols symbols)
    {
        switch (value)
        {
            case null:
                return Encryption.Unknown;
            case { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                return Encryption.Clear; // null options: the defaults.
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, optionsType):
                return EncryptionOfCreation(creation, symbols);
            case ILocalReferenceOperation local:
                return EncryptionOfLocal(local.Local, connect, optionsType, symbols);
            default:
                return Encryption.Unknown;
        }
    }

    private static Encryption EncryptionOfCreation(IObjectCreationOperation creation, FtpSymbols symbols)
    {
        if (!creation.Arguments.IsEmpty)
            return Encryption.Unknown;
        var encryption = Encryption.Clear; // FtpConnectionOptions.Encryption defaults to None.
        if (creation.Initializer is null)
            return encryption;
        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Encryption" } } assignment)
                continue;
            encryption = assignment.Value.ConstantValue is { HasValue: true, Value: { } value }
                ? EncryptionOfConstant(value, assignment.Value.Type as INamedTypeSymbol)
                : Encryption.Unknown;
        }

        return encryption;
    }

    private static Encryption EncryptionOfConstant(object value, INamedTypeSymbol? enumType)
    {
        if (enumType is null || enumType.TypeKind != TypeKind.Enum || enumType.Name != "FtpEncryption")
            return Encryption.Unknown;
        if (Equals(value, FtpSymbols.EnumValue(enumType, "None")))
            return Encryption.Clear;
        if (Equals(value, FtpSymbols.EnumValue(enumType, "Explicit")) || Equals(value, FtpSymbols.EnumValue(enumType, "Implicit")))
            return Encryption.Tls;
        return Encryption.Unknown;
    }

    /// <summary>
    /// A local declared with <c>new FtpConnectionOptions { … }</c> in the member, never assigned
    /// again, whose every other use is an argument of a Connect call or a read of a property other
    /// than a write of Encryption: anything else may change it or hand it on.
    /// </summary>
    private static Encryption EncryptionOfLocal(ILocalSymbol local, IOperation connect, INamedTypeSymbol optionsType, FtpSymbols symbols)
    {
        var root = connect;
        while (root.Parent is not null)
            root = root.Parent;

        IOperation? initial = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (initial is not null)
                        return Encryption.Unknown;
                    initial = declarator.GetVariableInitializer()?.Value;
                    if (initial is null)
                        return Encryption.Unknown;
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (!IsHarmlessUse(reference, symbols))
                        return Encryption.Unknown;
                    break;
            }
        }

        var value = Unwrap(initial);
        return value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, optionsType)
            ? EncryptionOfCreation(creation, symbols)
            : Encryption.Unknown;
    }

    private static bool IsHarmlessUse(ILocalReferenceOperation reference, FtpSymbols symbols)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation)
            parent = parent.Parent;
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return argument.Parameter?.RefKind == RefKind.None && symbols.IsConnect(invocation.TargetMethod);
            case IPropertyReferenceOperation property:
                return property.Property.Name != "Encryption"
                    || !(property.Parent is IAssignmentOperation assignment && assignment.Target == property);
            default:
                return false;
        }
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
            operation = conversion.Operand;
        return operation;
    }
}
