using System.Numerics;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Tests.Robustness;

/// <summary>Reads every column of a table HDU, by every read that fits the column, for the fuzz test; only <see cref="FitsFormatException"/> may escape a read.</summary>
internal static class TableReaders
{
    public static void Invoke(Hdu hdu)
    {
        switch (hdu)
        {
            case BinaryTableHdu binary:
                foreach (var c in binary.Columns) ReadBinary(binary, c);
                if (binary.RowCount > 0 && binary.RowLength > 0) Try(() => binary.ReadRowBytes(0, 1, new byte[binary.RowLength]));
                break;
            case AsciiTableHdu ascii:
                foreach (var c in ascii.Columns)
                {
                    Try(() => ascii.ReadStrings(c.Index));
                    if (c.Format.IsNumeric) Try(() => ascii.ReadDoubles(c.Index));
                }
                break;
        }
    }

    private static void ReadBinary(BinaryTableHdu t, TableColumn c)
    {
        var i = c.Index;
        var numeric = c.Type is ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float32 or ColumnType.Float64;
        if (c.IsVariableLength)
        {
            Try(() => t.ReadDescriptors(i));
            if (numeric) Try(() => t.ReadDoubleArrays(i));
            if (c.Type == ColumnType.Char) Try(() => t.ReadStrings(i));
        }
        else
        {
            if (numeric) Try(() => t.ReadDoubles(i));
            if (c.Type == ColumnType.Char) { Try(() => t.ReadStrings(i)); Try(() => t.ReadStringArrays(i)); }
            if (c.Type == ColumnType.Logical) Try(() => t.ReadLogicals(i));
        }
        Try(() => Typed(t, c));
    }

    /// <summary>ReadArrays (and, for fixed columns, ReadColumn) with the column's own element type.</summary>
    private static void Typed(BinaryTableHdu t, TableColumn c)
    {
        var type = c.ElementType;
        if (type == typeof(bool)) Read<bool>(t, c);
        else if (type == typeof(byte) || type == typeof(string)) Read<byte>(t, c);
        else if (type == typeof(sbyte)) Read<sbyte>(t, c);
        else if (type == typeof(short)) Read<short>(t, c);
        else if (type == typeof(ushort)) Read<ushort>(t, c);
        else if (type == typeof(int)) Read<int>(t, c);
        else if (type == typeof(uint)) Read<uint>(t, c);
        else if (type == typeof(long)) Read<long>(t, c);
        else if (type == typeof(ulong)) Read<ulong>(t, c);
        else if (type == typeof(float)) Read<float>(t, c);
        else if (type == typeof(double)) Read<double>(t, c);
        else Read<Complex>(t, c);
    }

    private static void Read<T>(BinaryTableHdu t, TableColumn c) where T : unmanaged
    {
        if (!c.IsVariableLength) _ = t.ReadColumn<T>(c.Index);
        _ = t.ReadArrays<T>(c.Index);
    }

    private static void Try(Action read)
    {
        try { read(); }
        catch (FitsFormatException) { }
    }
}
