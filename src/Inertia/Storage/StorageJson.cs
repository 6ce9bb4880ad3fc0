using System.Text.Json.Serialization;
using Inertia.Feeds;

namespace Inertia.Storage;

/// <summary>Source-generated JSON for the lists stored in text columns (authors, categories, enclosures).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<Person>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<Enclosure>))]
internal sealed partial class StorageJson : JsonSerializerContext;
