namespace SocBot.Ownership;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps ("seim" → "siem") cost 1.</summary>
internal static class EditDistance
{
    /// <summary>Longer words than this have their rows on the heap; questions' words are far shorter.</summary>
    private const int StackRowLength = 64;

    /// <summary>The distance between two words, or <paramref name="limit"/> + 1 as soon as it is known to exceed the limit.</summary>
    public static int Bounded(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Every question word is compared with every vocabulary word of a near length: three arrays per comparison were
        // most of a turn's garbage, so the rows live on the stack.
        var rowLength = b.Length + 1;
        Span<int> rows = rowLength <= StackRowLength ? stackalloc int[rowLength * 3] : new int[rowLength * 3];
        var previousPrevious = rows[..rowLength];
        var previous = rows.Slice(rowLength, rowLength);
        var current = rows.Slice(2 * rowLength, rowLength);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            var spent = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = spent;
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
