using System.Buffers.Binary;
using System.Text;

namespace CivicConnect.Channels.Media;

/// <summary>
/// HEIC cannot be decoded here (ImageSharp has no HEVC decoder), so it cannot be re-encoded the
/// way JPEG, PNG and WebP are. Instead the file is kept as sent and the payload of every Exif and
/// XMP item is overwritten with zeros in place: offsets stay valid, the picture is untouched and
/// the metadata (GPS included) is gone. A file whose structure is not understood is refused.
/// </summary>
internal static class HeifMetadataScrubber
{
    /// <returns>False when the file is not a HEIF structure this scrubber understands.</returns>
    public static bool Scrub(byte[] file)
    {
        try
        {
            return TryScrub(file);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or ArgumentException)
        {
            // Truncated or malformed boxes.
            return false;
        }
    }

    private static bool TryScrub(byte[] file)
    {
        var meta = FindBox(file, 0, file.Length, "meta");
        if (meta is not { } metaBox)
        {
            return false;
        }

        // 'meta' is a full box: version and flags precede its children.
        var childrenStart = metaBox.PayloadStart + 4;
        var iinf = FindBox(file, childrenStart, metaBox.End, "iinf");
        var iloc = FindBox(file, childrenStart, metaBox.End, "iloc");
        if (iinf is null || iloc is null)
        {
            return false;
        }

        var metadataItems = MetadataItemIds(file, iinf.Value);
        var idat = FindBox(file, childrenStart, metaBox.End, "idat");
        foreach (var (offset, length) in ItemExtents(file, iloc.Value, metadataItems, idat?.PayloadStart))
        {
            if (offset < 0 || length <= 0 || offset + length > file.Length)
            {
                return false;
            }

            Array.Clear(file, (int)offset, (int)length);
        }

        return true;
    }

    private static HashSet<uint> MetadataItemIds(byte[] file, Box iinf)
    {
        var ids = new HashSet<uint>();
        var position = iinf.PayloadStart;
        var version = file[position];
        position += 4 + (version == 0 ? 2 : 4);
        while (position + 8 <= iinf.End)
        {
            var box = ReadBox(file, position, iinf.End);
            if (box.Type == "infe")
            {
                var p = box.PayloadStart;
                var infeVersion = file[p];
                p += 4;
                if (infeVersion >= 2)
                {
                    uint itemId;
                    if (infeVersion == 2)
                    {
                        itemId = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(p));
                        p += 2;
                    }
                    else
                    {
                        itemId = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(p));
                        p += 4;
                    }

                    p += 2; // item_protection_index
                    var itemType = Encoding.ASCII.GetString(file, p, 4);
                    p += 4;
                    if (itemType == "Exif")
                    {
                        ids.Add(itemId);
                    }
                    else if (itemType == "mime")
                    {
                        var nameEnd = Array.IndexOf(file, (byte)0, p, box.End - p);
                        var typeStart = nameEnd + 1;
                        var typeEnd = nameEnd < 0 ? -1 : Array.IndexOf(file, (byte)0, typeStart, box.End - typeStart);
                        var contentType = typeEnd < 0 ? "" : Encoding.ASCII.GetString(file, typeStart, typeEnd - typeStart);
                        if (contentType.Contains("rdf+xml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("xmp", StringComparison.OrdinalIgnoreCase))
                        {
                            ids.Add(itemId);
                        }
                    }
                }
            }

            position = box.End;
        }

        return ids;
    }

    private static List<(long Offset, long Length)> ItemExtents(byte[] file, Box iloc, HashSet<uint> items, int? idatStart)
    {
        var extents = new List<(long Offset, long Length)>();
        var p = iloc.PayloadStart;
        var version = file[p];
        p += 4;
        var offsetSize = file[p] >> 4;
        var lengthSize = file[p] & 0x0F;
        var baseOffsetSize = file[p + 1] >> 4;
        var indexSize = version is 1 or 2 ? file[p + 1] & 0x0F : 0;
        p += 2;
        uint itemCount;
        if (version < 2)
        {
            itemCount = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(p));
            p += 2;
        }
        else
        {
            itemCount = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(p));
            p += 4;
        }

        for (var i = 0; i < itemCount; i++)
        {
            uint itemId;
            if (version < 2)
            {
                itemId = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(p));
                p += 2;
            }
            else
            {
                itemId = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(p));
                p += 4;
            }

            var constructionMethod = 0;
            if (version is 1 or 2)
            {
                constructionMethod = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(p)) & 0x0F;
                p += 2;
            }

            p += 2; // data_reference_index
            var baseOffset = ReadSized(file, ref p, baseOffsetSize);
            var extentCount = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(p));
            p += 2;
            for (var e = 0; e < extentCount; e++)
            {
                if (indexSize > 0)
                {
                    ReadSized(file, ref p, indexSize);
                }

                var extentOffset = ReadSized(file, ref p, offsetSize);
                var extentLength = ReadSized(file, ref p, lengthSize);
                if (!items.Contains(itemId))
                {
                    continue;
                }

                var start = constructionMethod switch
                {
                    0 => baseOffset + extentOffset,
                    1 when idatStart is { } idat => idat + baseOffset + extentOffset,
                    _ => -1,
                };
                extents.Add((start, extentLength));
            }
        }

        return extents;
    }

    private static long ReadSized(byte[] file, ref int position, int size)
    {
        long value = size switch
        {
            0 => 0,
            4 => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position)),
            8 => (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(position)),
            _ => throw new ArgumentOutOfRangeException(nameof(size)),
        };
        position += size;
        return value;
    }

    private static Box? FindBox(byte[] file, int start, int end, string type)
    {
        var position = start;
        while (position + 8 <= end)
        {
            var box = ReadBox(file, position, end);
            if (box.Type == type)
            {
                return box;
            }

            position = box.End;
        }

        return null;
    }

    private static Box ReadBox(byte[] file, int position, int limit)
    {
        long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
        var type = Encoding.ASCII.GetString(file, position + 4, 4);
        var header = 8;
        if (size == 1)
        {
            size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(position + 8));
            header = 16;
        }
        else if (size == 0)
        {
            size = limit - position;
        }

        if (size < header || position + size > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "Box runs past its container.");
        }

        return new Box(type, position + header, (int)(position + size));
    }

    private readonly record struct Box(string Type, int PayloadStart, int End);
}
