package io.launchpad.matching;

import java.util.UUID;

/**
 * Orders documents with equal scores by a hash of their id: stable across runs, JVMs and
 * index rebuilds (insertion order is none of these), and unrelated to when a profile was
 * created.
 * <p>
 * Part of the contract rather than of {@code indexes}: {@link MatchWindow}'s order of
 * equal scores is promised to callers and must agree with the {@code tiebreak} field the
 * indexes store, so both read it here.
 */
public final class Tiebreak {

    private Tiebreak() {
    }

    /**
     * SplitMix64's finaliser over the id's bits; the indexed {@code tiebreak} field holds
     * the same value.
     */
    public static long of(UUID id) {
        long z = id.getMostSignificantBits() * 31 + id.getLeastSignificantBits();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

}
