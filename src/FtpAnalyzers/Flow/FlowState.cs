using System.Collections.Generic;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// The abstract state at one point: which connection object each variable holds (so that copies
/// are aliases), the facts about each object, and the variables pinned as escaped (captured by a
/// lambda or local function, which may run at any later time).
/// A variable not bound yet holds its <see cref="InitialObject"/>, unknown — or escaped, after
/// an exception handler entry where anything may have happened.
/// </summary>
internal sealed class FlowState
{
    private readonly Dictionary<object, object> _bindings;
    private readonly Dictionary<object, ConnectionFacts> _objects;
    // Shared between states and never changed once shared: Pin and Join make a new set when they add names.
    private HashSet<string> _pinned;

    private FlowState(Dictionary<object, object> bindings, Dictionary<object, ConnectionFacts> objects, HashSet<string> pinned, bool unboundAreEscaped)
    {
        _bindings = bindings;
        _objects = objects;
        _pinned = pinned;
        UnboundAreEscaped = unboundAreEscaped;
    }

    /// <summary>True when variables not bound yet hold an escaped connection (after an opaque finally block).</summary>
    public bool UnboundAreEscaped { get; }

    /// <summary>Changes whenever the state does, so that a caller can tell whether an operation changed it.</summary>
    public int Version { get; private set; }

    /// <summary>The state at a method's entry: nothing known, nothing escaped.</summary>
    public static FlowState Entry() => new(NewBindings(), NewObjects(), NewPinned(), unboundAreEscaped: false);

    /// <summary>The state where anything may have happened to every connection.</summary>
    public static FlowState AllEscaped() => new(NewBindings(), NewObjects(), NewPinned(), unboundAreEscaped: true);

    public FlowState Clone()
        => new(new Dictionary<object, object>(_bindings, FlowKeyComparer.Instance), new Dictionary<object, ConnectionFacts>(_objects, FlowKeyComparer.Instance), _pinned, UnboundAreEscaped);

    /// <summary>The object the variable holds, binding it to its initial object when first seen.</summary>
    public object ObjectOf(object variable)
    {
        if (_bindings.TryGetValue(variable, out var bound))
            return bound;
        var initial = IsPinned(variable) ? EscapedObject.Instance : (object)new InitialObject(variable);
        _bindings[variable] = initial;
        Version++;
        if (initial is InitialObject && !_objects.ContainsKey(initial))
            _objects[initial] = UnboundAreEscaped ? ConnectionFacts.Escaped : ConnectionFacts.Unknown;
        return initial;
    }

    public ConnectionFacts FactsOf(object connectionObject)
    {
        if (_objects.TryGetValue(connectionObject, out var facts))
            return facts;
        return connectionObject is InitialObject && !UnboundAreEscaped ? ConnectionFacts.Unknown : ConnectionFacts.Escaped;
    }

    public void SetFacts(object connectionObject, ConnectionFacts facts)
    {
        if (connectionObject is not EscapedObject)
            _objects[connectionObject] = facts;
        Version++;
    }

    /// <summary>A new connection object created at <paramref name="site"/>; variables still holding the one created there before now hold an unknown one.</summary>
    public void Allocate(object site, ConnectionFacts facts)
    {
        List<object>? stale = null;
        foreach (var binding in _bindings)
        {
            if (FlowKeyComparer.Instance.Equals(binding.Value, site))
                (stale ??= new List<object>()).Add(binding.Key);
        }

        if (stale is not null)
        {
            foreach (var variable in stale)
                _bindings[variable] = EscapedObject.Instance;
        }

        _objects[site] = facts;
        Version++;
    }

    public void Bind(object variable, object connectionObject)
    {
        _bindings[variable] = IsPinned(variable) ? EscapedObject.Instance : connectionObject;
        Version++;
    }

    public bool IsBound(object variable) => _bindings.ContainsKey(variable);

    /// <summary>The variable's connection escapes: unknown from here on, through every alias.</summary>
    public void Escape(object variable)
    {
        var connectionObject = ObjectOf(variable);
        SetFacts(connectionObject, ConnectionFacts.Escaped);
        _bindings[variable] = EscapedObject.Instance;
    }

    /// <summary>
    /// Variables with these names are captured by code that may run at any later time (a lambda, a
    /// local function): whatever they hold, now or later, is unknown. Matching by name may pin more
    /// variables than captured, never fewer.
    /// </summary>
    public void Pin(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0 || _pinned.IsSupersetOf(names))
            return;
        _pinned = new HashSet<string>(_pinned);
        _pinned.UnionWith(names);
        Version++;
        var captured = new List<object>();
        foreach (var variable in _bindings.Keys)
        {
            if (IsPinned(variable))
                captured.Add(variable);
        }

        foreach (var variable in captured)
            Escape(variable);
    }

    private bool IsPinned(object variable) => variable is ISymbol symbol && _pinned.Contains(symbol.Name);

    public IEnumerable<object> BoundVariables => _bindings.Keys;

    /// <summary>This state without the variables <paramref name="isOutOfScope"/> selects (itself when there are none).</summary>
    public FlowState WithoutVariables(System.Func<object, bool> isOutOfScope)
    {
        FlowState? result = null;
        foreach (var variable in _bindings.Keys)
        {
            if (isOutOfScope(variable))
                (result ??= Clone())._bindings.Remove(variable);
        }

        return result ?? this;
    }

    public FlowState Join(FlowState other)
    {
        var result = new FlowState(NewBindings(), NewObjects(), UnionOfPinned(_pinned, other._pinned), UnboundAreEscaped || other.UnboundAreEscaped);
        foreach (var variable in _bindings.Keys)
            result.JoinBinding(variable, this, other);
        foreach (var variable in other._bindings.Keys)
        {
            if (!result._bindings.ContainsKey(variable))
                result.JoinBinding(variable, this, other);
        }

        return result;
    }

    private static HashSet<string> UnionOfPinned(HashSet<string> left, HashSet<string> right)
    {
        if (ReferenceEquals(left, right) || left.IsSupersetOf(right))
            return left;
        if (right.IsSupersetOf(left))
            return right;
        var union = new HashSet<string>(left);
        union.UnionWith(right);
        return union;
    }

    /// <summary>The same state without objects no variable holds any more (so that equal states compare equal).</summary>
    public FlowState Normalized() => Join(this);

    private void JoinBinding(object variable, FlowState left, FlowState right)
    {
        var leftObject = left.BindingOrInitial(variable);
        var rightObject = right.BindingOrInitial(variable);
        if (IsPinned(variable) || !FlowKeyComparer.Instance.Equals(leftObject, rightObject))
        {
            // Different objects on different paths: which one the variable holds is not known.
            _bindings[variable] = EscapedObject.Instance;
            return;
        }

        _bindings[variable] = leftObject;
        if (leftObject is not EscapedObject && !_objects.ContainsKey(leftObject))
            _objects[leftObject] = left.FactsOf(leftObject).Join(right.FactsOf(leftObject));
    }

    private object BindingOrInitial(object variable)
        => _bindings.TryGetValue(variable, out var bound) ? bound
            : IsPinned(variable) ? EscapedObject.Instance
            : new InitialObject(variable);

    public bool SameAs(FlowState other)
    {
        if (UnboundAreEscaped != other.UnboundAreEscaped
            || _bindings.Count != other._bindings.Count
            || _objects.Count != other._objects.Count
            || _pinned.Count != other._pinned.Count)
        {
            return false;
        }

        foreach (var binding in _bindings)
        {
            if (!other._bindings.TryGetValue(binding.Key, out var otherObject) || !FlowKeyComparer.Instance.Equals(binding.Value, otherObject))
                return false;
        }

        foreach (var entry in _objects)
        {
            if (!other._objects.TryGetValue(entry.Key, out var otherFacts) || !entry.Value.Equals(otherFacts))
                return false;
        }

        return ReferenceEquals(_pinned, other._pinned) || _pinned.SetEquals(other._pinned);
    }

    private static Dictionary<object, object> NewBindings() => new(FlowKeyComparer.Instance);

    private static Dictionary<object, ConnectionFacts> NewObjects() => new(FlowKeyComparer.Instance);

    private static HashSet<string> NewPinned() => new();
}
