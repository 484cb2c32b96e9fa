using SkiaSharp;

namespace YiyangPortal.Documents.Fonts;

/// <summary>
/// One glyph as a TrueType 'glyf' record (simple glyph, quadratic outline, no instructions) plus what hmtx, maxp
/// and head need. Made once per glyph from the CFF outline and cached for the life of the renderer.
/// </summary>
internal sealed record TrueTypeGlyph(byte[] Data, short XMin, short YMin, short XMax, short YMax, int Points, int Contours, ushort Advance)
{
    /// <summary>
    /// Largest distance, in font units (1/1000 em for Noto CJK), between a cubic curve of the source and the
    /// quadratic curves replacing it. 1 unit is 0.012 pt at 12 pt: far below what a viewer or printer shows.
    /// </summary>
    public const double Tolerance = 1.0;

    public static TrueTypeGlyph Empty(ushort advance) => new([], 0, 0, 0, 0, 0, 0, advance);

    /// <summary>Converts a glyph outline taken at a size of one font unit per point (Skia's y axis points down).</summary>
    public static TrueTypeGlyph FromPath(SKPath path, ushort advance)
    {
        var contours = new List<List<Point>>();
        List<Point>? contour = null;
        using (var iterator = path.CreateRawIterator())
        {
            var points = new SKPoint[4];
            SKPathVerb verb;
            while ((verb = iterator.Next(points)) != SKPathVerb.Done)
            {
                switch (verb)
                {
                    case SKPathVerb.Move:
                        Finish(contours, contour);
                        contour = [Point.On(points[0])];
                        break;
                    case SKPathVerb.Line:
                        contour?.Add(Point.On(points[1]));
                        break;
                    case SKPathVerb.Quad:
                        contour?.Add(Point.Off(points[1]));
                        contour?.Add(Point.On(points[2]));
                        break;
                    case SKPathVerb.Conic:
                        var quads = SKPath.ConvertConicToQuads(points[0], points[1], points[2], iterator.ConicWeight(), 2);
                        for (var i = 1; i + 1 < quads.Length; i += 2)
                        {
                            contour?.Add(Point.Off(quads[i]));
                            contour?.Add(Point.On(quads[i + 1]));
                        }
                        break;
                    case SKPathVerb.Cubic:
                        if (contour is not null)
                        {
                            AddCubic(contour, points[0], points[1], points[2], points[3]);
                        }
                        break;
                    case SKPathVerb.Close:
                        Finish(contours, contour);
                        contour = null;
                        break;
                    default:
                        break;
                }
            }
        }
        Finish(contours, contour);
        return contours.Count == 0 ? Empty(advance) : Encode(contours, advance);
    }

    // Splits the cubic into n equal parameter pieces and replaces each by the quadratic through its ends whose
    // control point is (3(c1 + c2) − (p0 + p3)) / 4. That quadratic is off by at most √3/36·|p3 − 3c2 + 3c1 − p0|
    // of the piece, and the piece's third difference is the whole cubic's divided by n³: n follows directly.
    private static void AddCubic(List<Point> contour, SKPoint p0, SKPoint c1, SKPoint c2, SKPoint p3)
    {
        var dx = p3.X - (3.0 * c2.X) + (3.0 * c1.X) - p0.X;
        var dy = p3.Y - (3.0 * c2.Y) + (3.0 * c1.Y) - p0.Y;
        var error = Math.Sqrt(3) / 36 * Math.Sqrt((dx * dx) + (dy * dy));
        var pieces = Math.Clamp((int)Math.Ceiling(Math.Cbrt(error / Tolerance)), 1, 64);
        for (var i = 0; i < pieces; i++)
        {
            var t0 = (double)i / pieces;
            var t1 = (double)(i + 1) / pieces;
            var (a, da) = Evaluate(p0, c1, c2, p3, t0);
            var (b, db) = Evaluate(p0, c1, c2, p3, t1);
            var h = (t1 - t0) / 3;
            var q1 = (X: a.X + (h * da.X), Y: a.Y + (h * da.Y));
            var q2 = (X: b.X - (h * db.X), Y: b.Y - (h * db.Y));
            var control = (X: ((3 * (q1.X + q2.X)) - (a.X + b.X)) / 4, Y: ((3 * (q1.Y + q2.Y)) - (a.Y + b.Y)) / 4);
            contour.Add(Point.Off(control.X, control.Y));
            contour.Add(i == pieces - 1 ? Point.On(p3) : Point.On(b.X, b.Y));
        }
    }

    private static ((double X, double Y) Value, (double X, double Y) Derivative) Evaluate(
        SKPoint p0, SKPoint c1, SKPoint c2, SKPoint p3, double t)
    {
        var u = 1 - t;
        var b0 = u * u * u;
        var b1 = 3 * u * u * t;
        var b2 = 3 * u * t * t;
        var b3 = t * t * t;
        var d0 = 3 * u * u;
        var d1 = 6 * u * t;
        var d2 = 3 * t * t;
        return (
            ((b0 * p0.X) + (b1 * c1.X) + (b2 * c2.X) + (b3 * p3.X), (b0 * p0.Y) + (b1 * c1.Y) + (b2 * c2.Y) + (b3 * p3.Y)),
            ((d0 * (c1.X - p0.X)) + (d1 * (c2.X - c1.X)) + (d2 * (p3.X - c2.X)),
                (d0 * (c1.Y - p0.Y)) + (d1 * (c2.Y - c1.Y)) + (d2 * (p3.Y - c2.Y))));
    }

    // Drops repeated on-curve points (zero-length lines, the closing point equal to the first) and contours without
    // area, and reverses the direction: CFF draws outer contours counter-clockwise, TrueType clockwise.
    private static void Finish(List<List<Point>> contours, List<Point>? contour)
    {
        if (contour is null)
        {
            return;
        }
        var cleaned = new List<Point>(contour.Count);
        foreach (var point in contour)
        {
            if (point.OnCurve && cleaned.Count > 0 && cleaned[^1].OnCurve && cleaned[^1].SameAs(point))
            {
                continue;
            }
            cleaned.Add(point);
        }
        if (cleaned.Count > 1 && cleaned[^1].OnCurve && cleaned[^1].SameAs(cleaned[0]))
        {
            cleaned.RemoveAt(cleaned.Count - 1);
        }
        if (cleaned.Count < 3)
        {
            return;
        }
        cleaned.Reverse(1, cleaned.Count - 1);
        contours.Add(cleaned);
    }

    private static TrueTypeGlyph Encode(List<List<Point>> contours, ushort advance)
    {
        var all = contours.SelectMany(c => c).ToList();
        var xMin = all.Min(p => p.X);
        var yMin = all.Min(p => p.Y);
        var xMax = all.Max(p => p.X);
        var yMax = all.Max(p => p.Y);
        var writer = new BigEndianWriter();
        writer.Int16((short)contours.Count);
        writer.Int16((short)xMin);
        writer.Int16((short)yMin);
        writer.Int16((short)xMax);
        writer.Int16((short)yMax);
        var end = -1;
        foreach (var contour in contours)
        {
            end += contour.Count;
            writer.UInt16((ushort)end);
        }
        writer.UInt16(0); // no instructions

        var flags = new byte[all.Count];
        var xs = new BigEndianWriter();
        var ys = new BigEndianWriter();
        int lastX = 0, lastY = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var flag = all[i].OnCurve ? (byte)0x01 : (byte)0x00;
            flag |= Coordinate(xs, all[i].X - lastX, shortBit: 0x02, sameOrPositiveBit: 0x10);
            flag |= Coordinate(ys, all[i].Y - lastY, shortBit: 0x04, sameOrPositiveBit: 0x20);
            flags[i] = flag;
            lastX = all[i].X;
            lastY = all[i].Y;
        }
        for (var i = 0; i < flags.Length;)
        {
            var run = 1;
            while (i + run < flags.Length && flags[i + run] == flags[i] && run < 256)
            {
                run++;
            }
            if (run > 1)
            {
                writer.Byte((byte)(flags[i] | 0x08));
                writer.Byte((byte)(run - 1));
            }
            else
            {
                writer.Byte(flags[i]);
            }
            i += run;
        }
        writer.Bytes(xs.ToArray());
        writer.Bytes(ys.ToArray());
        return new TrueTypeGlyph(
            writer.ToArray(), (short)xMin, (short)yMin, (short)xMax, (short)yMax, all.Count, contours.Count, advance);
    }

    private static byte Coordinate(BigEndianWriter writer, int delta, byte shortBit, byte sameOrPositiveBit)
    {
        if (delta == 0)
        {
            return sameOrPositiveBit;
        }
        if (delta is >= -255 and <= 255)
        {
            writer.Byte((byte)Math.Abs(delta));
            return (byte)(shortBit | (delta > 0 ? sameOrPositiveBit : 0));
        }
        writer.Int16((short)delta);
        return 0;
    }

    private readonly record struct Point(int X, int Y, bool OnCurve)
    {
        public static Point On(SKPoint p) => On(p.X, p.Y);

        public static Point On(double x, double y) => new(Round(x), -Round(y), true);

        public static Point Off(SKPoint p) => Off(p.X, p.Y);

        public static Point Off(double x, double y) => new(Round(x), -Round(y), false);

        public bool SameAs(Point other) => X == other.X && Y == other.Y;

        private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
    }
}
