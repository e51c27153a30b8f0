using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScamScriptClassifier.Text;

/// <summary>
/// A 64-bit hash of a token that is stable across processes and platforms, unlike string.GetHashCode. It takes
/// four UTF-16 units per multiply: a syllable costs one or two, where a hash of one unit at a time costs five or six
/// in a dependent chain. Each step is a bijection of the running hash, so tokens of equal length that differ in
/// one chunk never collide; callers mix the result before cutting it down to a bucket.
/// </summary>
internal static class TokenHash
{
    private const ulong Multiplier = 0x9E37_79B9_7F4A_7C15UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        ref var first = ref MemoryMarshal.GetReference(text);
        var hash = (ulong)text.Length;
        var i = 0;
        for (; i + 4 <= text.Length; i += 4)
        {
            hash = Step(hash, FourUnits(ref Unsafe.Add(ref first, i)));
        }

        var tail = 0UL;
        for (; i < text.Length; i++)
        {
            tail = (tail << 16) | Unsafe.Add(ref first, i);
        }

        return Step(hash, tail);
    }

    /// <summary>Four UTF-16 units as one number, the first in the low bits, whatever the processor's byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FourUnits(ref char at) =>
        BitConverter.IsLittleEndian
            ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref at))
            : at | ((ulong)Unsafe.Add(ref at, 1) << 16) | ((ulong)Unsafe.Add(ref at, 2) << 32) | ((ulong)Unsafe.Add(ref at, 3) << 48);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong hash, ulong chunk) => BitOperations.RotateLeft((hash ^ chunk) * Multiplier, 31);
}
