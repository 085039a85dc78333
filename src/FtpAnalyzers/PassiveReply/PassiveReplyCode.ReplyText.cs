using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// What is known about the text a parse reads: the whole reply it starts from (for the fix), and
/// what the parse looks for in it (parentheses, a fixed offset).
/// </summary>
internal sealed partial class PassiveReplyCode
{
    /// <summary>The string a digit loop walks: foreach (char c in reply), or reply[i] inside the loop.</summary>
    private IOperation? LoopedText(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation { Collection: var collection })
        {
            var text = LocalDefinitions.Strip(collection);
            return text.Type?.SpecialType == SpecialType.System_String ? ReplyRoot(text) : null;
        }
        foreach (var inner in loop.DescendantsAndSelf())
        {
            if (inner is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { Type.SpecialType: SpecialType.System_String } text })
                return ReplyRoot(text);
        }
        return null;
    }

    /// <summary>
    /// The whole reply a parse starts from: follows Substring/Trim/Replace/Split(…)[i] and locals
    /// back to the last named value (a local, a parameter, an FtpReply).
    /// </summary>
    public IOperation ReplyRoot(IOperation text)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            text = LocalDefinitions.Strip(text);
            switch (text)
            {
                case IInvocationOperation { Instance: { } instance } call when IsStringDerivation(call):
                    text = instance;
                    continue;
                case IArrayElementReferenceOperation element when _locals.Resolve(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split", Instance: { } whole }:
                    text = whole;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Message", Instance: { } reply } when IsFtpReply(reply.Type):
                    return LocalDefinitions.Strip(reply);
                case ILocalReferenceOperation or IParameterReferenceOperation when _locals.ValueAt(text) is { } value && IsDerivedText(value):
                    text = value;
                    continue;
            }
            return text;
        }
        return text;
    }

    private bool IsDerivedText(IOperation value)
    {
        value = LocalDefinitions.Strip(value);
        return value is IInvocationOperation call && IsStringDerivation(call)
            || value is IArrayElementReferenceOperation element && _locals.Resolve(element.ArrayReference) is IInvocationOperation { TargetMethod.Name: "Split" }
            || value is IPropertyReferenceOperation { Property.Name: "Message", Instance: { } reply } && IsFtpReply(reply.Type);
    }

    private static bool IsStringDerivation(IInvocationOperation call)
        => call.Instance is not null
        && (call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String && StringManipulations.Contains(call.TargetMethod.Name)
            || call.TargetMethod.Name == "ToString" && call.Arguments.Length == 0 && IsFtpReply(call.Instance.Type));

    public static bool IsFtpReply(ITypeSymbol? type) => NetTypes.IsFtpType(type, "FtpReply");

    /// <summary>What a parse looks for in its text, found by walking it and the locals it reads.</summary>
    private TextWalk Walk(IOperation root)
    {
        var walk = new TextWalk();
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(root);
        var budget = 4000;
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var operation in current.DescendantsAndSelf())
            {
                if (budget-- <= 0)
                    return walk;
                switch (operation)
                {
                    case ILocalReferenceOperation local when visited.Add(local.Local):
                        foreach (var value in _locals.AllValues(local.Local))
                            pending.Push(value);
                        break;
                    case IParameterReferenceOperation parameter when visited.Add(parameter.Parameter):
                        foreach (var value in _locals.AllValues(parameter.Parameter))
                            pending.Push(value);
                        break;
                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String)
                            Inspect(invocation.TargetMethod.Name, invocation.Arguments.Length > 0 ? ArgumentInSourceOrder(invocation, 0) : null, invocation.Arguments, ref walk);
                        else if (CutsBetweenParentheses(invocation.Arguments))
                            walk.HasParenthesis = true;
                        break;
                    case IInvalidOperation invalid when TextCall.From(invalid) is { } unresolved:
                        Inspect(unresolved.Name, unresolved.Arguments.Count > 0 ? unresolved.Arguments[0] : null, unresolved.Arguments, ref walk);
                        break;
                }
            }
        }
        return walk;
    }

    /// <summary>
    /// A call of another method given both "(" and ")" (<c>Between(reply, "(", ")")</c>, a helper
    /// of the project's own that cuts the text between them): the parse assumes the parentheses.
    /// </summary>
    private static bool CutsBetweenParentheses(IEnumerable<IArgumentOperation> arguments)
    {
        bool open = false, close = false;
        foreach (var argument in arguments)
        {
            var value = LocalDefinitions.Strip(argument.Value).ConstantValue;
            open |= value is { HasValue: true, Value: '(' or "(" };
            close |= value is { HasValue: true, Value: ')' or ")" };
        }
        return open && close;
    }

    private static void Inspect(string name, IOperation? first, IEnumerable<IOperation> arguments, ref TextWalk walk)
    {
        switch (name)
        {
            case "IndexOf" or "LastIndexOf" or "IndexOfAny" or "Split" or "Trim" or "TrimStart" or "TrimEnd" or "Replace":
                foreach (var argument in arguments)
                {
                    foreach (var operation in argument.DescendantsAndSelf())
                    {
                        if (operation.ConstantValue is { HasValue: true, Value: '(' or ')' or "(" or ")" or " (" or "(|" })
                            walk.HasParenthesis = true;
                    }
                }
                break;
            case "Substring" or "Remove" when first is not null:
                if (first.ConstantValue.Value is 26 or 27)
                    walk.HasFixedOffset = true;
                break;
        }
    }

    private struct TextWalk
    {
        public bool HasParenthesis;
        public bool HasFixedOffset;
    }
}
