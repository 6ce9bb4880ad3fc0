namespace Inertia.Feeds.Html;

/// <summary>One element of the sanitizer's policy: its name, what happens to it, its tree-building traits and the attributes it may keep.</summary>
internal sealed class HtmlElement(string name, ElementAction action, ElementTraits traits = ElementTraits.None, AttributeNames attributes = AttributeNames.None)
{
    public string Name { get; } = name;

    public ElementAction Action { get; } = action;

    public ElementTraits Traits { get; } = traits;

    /// <summary>The attributes kept from the input (the global ones included for kept elements).</summary>
    public AttributeNames Attributes { get; } = action == ElementAction.Keep ? attributes | AttributeNames.Global : AttributeNames.None;

    public bool Is(ElementTraits trait) => (Traits & trait) != 0;
}
