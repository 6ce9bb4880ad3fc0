namespace Inertia.Feeds.Xml;

/// <summary>An attribute as read, its value already decoded.</summary>
internal readonly record struct XmlAttribute(string Prefix, string LocalName, Ns Ns, string Value);
