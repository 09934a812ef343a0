package org.huyou.donations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.donations.LedgerService.CodeSlip;

/**
 * Checking the chain: the whole of it or since the last checkpoint, against every published disclosure's code or one
 * typed from paper, and telling a typing slip from a changed ledger. The permission is checked by
 * {@link LedgerService}, which callers use.
 */
final class ChainVerification {

    /** Hash characters that may differ for a typing slip; a rewritten entry's hash differs in about 60 of 64. */
    static final int SLIP_CHARACTERS = 2;

    private final LedgerRepository repo;
    private final DisclosureRepository disclosures;
    private final LedgerChain chain;

    ChainVerification(LedgerRepository repo, DisclosureRepository disclosures, LedgerChain chain) {
        this.repo = repo;
        this.disclosures = disclosures;
        this.chain = chain;
    }

    LedgerVerifier.Result verify() {
        return remember(new LedgerVerifier(repo).verify(disclosures.codes()));
    }

    LedgerVerifier.Result verifySinceCheckpoint() {
        LedgerVerifier verifier = new LedgerVerifier(repo);
        LedgerVerifier.Result r = repo.checkpoint()
                .map(c -> verifier.verifySince(c.lastSeq(), c.lastHash(), disclosures.codes()))
                .orElseGet(() -> verifier.verify(disclosures.codes()));
        return remember(r);
    }

    LedgerVerifier.Result verifyCode(String code) {
        PublishedCode typed = PublishedCode.parse(code);
        List<PublishedCode> codes = new ArrayList<>();
        codes.add(typed);
        codes.addAll(disclosures.codes());
        return new LedgerVerifier(repo).verify(codes);
    }

    Optional<CodeSlip> codeSlip(String code) {
        PublishedCode typed = PublishedCode.parse(code);
        Optional<String> there = repo.hashAt(typed.seq());
        if (there.isPresent()) {
            int differing = differing(there.get(), typed.hash());
            if (differing > 0 && differing <= SLIP_CHARACTERS) {
                return Optional.of(new CodeSlip(
                        typed, new PublishedCode(null, null, null, null, typed.seq(), there.get()), differing));
            }
        }
        return repo.seqOfHash(typed.hash())
                .filter(seq -> seq != typed.seq())
                .map(seq -> new CodeSlip(typed, new PublishedCode(null, null, null, null, seq, typed.hash()), 0));
    }

    /** The disclosures registered with the typed code (the same code twice: a re-publication, the ledger unchanged). */
    List<PublishedDisclosure> publishedWith(String code) {
        PublishedCode typed = PublishedCode.parse(code);
        Set<Long> ids = disclosures.codes().stream()
                .filter(c -> c.seq() == typed.seq() && c.hash().equals(typed.hash()))
                .map(PublishedCode::disclosureId)
                .collect(Collectors.toSet());
        return disclosures.all().stream()
                .filter(p -> ids.contains(p.id()))
                .sorted(Comparator.comparing(PublishedDisclosure::madeAt).thenComparing(PublishedDisclosure::id))
                .toList();
    }

    private LedgerVerifier.Result remember(LedgerVerifier.Result r) {
        if (r.ok()) {
            repo.saveCheckpoint(r.entries(), r.headHash(), chain.now());
        }
        return r;
    }

    private static int differing(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
