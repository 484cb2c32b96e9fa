using System.Runtime.InteropServices;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// The few hb_* functions we need from the HarfBuzz build that HarfBuzzSharp.NativeAssets.Linux ships.
/// HarfBuzzSharp's managed API has no subsetter, but its native library exports hb_subset_* (8.3.1).
/// </summary>
internal static partial class HarfBuzzSubsetNative
{
    private const string Library = "libHarfBuzzSharp";

    internal const int MemoryModeReadOnly = 1;

    // hb-subset.h: drop hinting, and do not pull in glyphs reachable only through GSUB/GPOS:
    // we never shape, so those glyphs would only make the file bigger.
    internal const uint FlagsNoHinting = 0x00000001;
    internal const uint FlagsNoLayoutClosure = 0x00000200;

    [LibraryImport(Library)]
    internal static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library)]
    internal static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(Library)]
    internal static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    internal static partial uint hb_face_get_glyph_count(IntPtr face);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    internal static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    internal static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    // hb_subset_sets_t: HB_SUBSET_SETS_DROP_TABLE_TAG.
    internal const int SetsDropTableTag = 3;

    [LibraryImport(Library)]
    internal static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    internal static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    internal static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);
}
