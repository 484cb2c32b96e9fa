namespace YiyangPortal.Web;

/// <summary>
/// Marker for the shared string table. Keys are the Chinese (zh-CN, default) texts themselves; the English
/// texts are in Resources/SharedResource.en.resx. A key without an English entry shows in Chinese.
/// </summary>
public sealed class SharedResource
{
}
