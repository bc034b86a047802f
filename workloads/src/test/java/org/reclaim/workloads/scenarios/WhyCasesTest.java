package org.reclaim.workloads.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.workloads.rust.Diagnostic;

/**
 * The cases where the lab used to differ from rustc 1.95 (issue 16's "Why"), each a {@code .rs}
 * file under {@code src/test/resources/rust/why/}: the checker's verdict is rustc's, error for
 * error (code, line, column, variable, wording), and the ownership column frees in Rust's order.
 * {@link RustcAgreementTest} compiles the same files with rustc when it is installed.
 */
class WhyCasesTest {
    static final Path WHY = Path.of("src/test/resources/rust/why");

    static RustScenario why(String name) { return RustScenario.read(WHY.resolve(name + ".rs")); }

    private static Diagnostic error(String code, int line, int column, String variable, String message) {
        return new Diagnostic(code, line, column, variable, message);
    }

    @Test
    void lateInitialisedAndReassignedLocalsDropInReverseDeclarationOrder() {
        RustScenario s = why("late-init-drop-order");
        assertThat(s.compileErrors()).isEmpty();
        Explanation e = Explainer.explain(s, false);
        // z = Box::new(4): the old value (#2) is dropped at the assignment, after the new one is made
        assertThat(e.cell(5, "ownership")).isEqualTo("alloc #4; free #2");
        // the closing brace: w, z, x, a (reverse declaration), not reverse allocation (#5, #4, #3, #1 either way here but x before a)
        assertThat(e.cell(8, "ownership")).isEqualTo("free #5 #4 #3 #1");
        assertThat(e.cell(8, "ownership-trusted")).isEqualTo("free #5 #4 #3 #1");
        assertThat(e.cell(e.exitRow(), "manual")).isEqualTo("leak #1 #2 #3 #4 #5");
    }

    @Test
    void aValueMovedInAnIfThatMayNotRunIsPossiblyMoved() {
        RustScenario s = why("moved-in-if");
        assertThat(s.compileErrors()).containsExactly(error("E0382", 10, 22, "v", "borrow of moved value: `v`"));
        Explanation e = Explainer.explain(s, false);
        assertThat(e.cell(9, "ownership")).isEqualTo("error E0382");
        assertThat(e.cell(4, "ownership")).isEmpty();
        assertThat(e.cell(9, "ownership-trusted")).isEqualTo("not compiled (E0382)");
        // C runs it: the branch is not taken, nothing frees the Vec
        assertThat(e.cell(4, "manual")).isEqualTo("alloc #1");
        assertThat(e.cell(e.exitRow(), "manual")).isEqualTo("leak #1");
        assertThat(e.events(9, "ownership").get(0).variable()).isEqualTo("v");
    }

    @Test
    void aValueMovedInAnEarlierIterationIsMoved() {
        assertThat(why("moved-in-loop").compileErrors()).containsExactly(error("E0382", 5, 14, "v", "use of moved value: `v`"));
    }

    @Test
    void aMutableBorrowNeverUsedAgainEndsThere() {
        RustScenario s = why("two-mut-borrows-nll");
        assertThat(s.compileErrors()).isEmpty();
        Explanation e = Explainer.explain(s, false);
        // each push through a &mut reallocates (Vec growth), and no E0499 stops the second borrow
        assertThat(e.cell(5, "ownership")).isEqualTo("free #2; alloc #3");
        assertThat(e.cell(7, "ownership")).isEqualTo("free #3");
    }

    @Test
    void twoLiveMutableBorrowsAreE0499AtTheSecond() {
        assertThat(why("two-mut-borrows-live").compileErrors())
                .containsExactly(error("E0499", 4, 13, "v", "cannot borrow `v` as mutable more than once at a time"));
    }

    @Test
    void readingThroughABoxWhileItIsMutablyBorrowedIsE0503() {
        assertThat(why("use-while-mut-borrowed").compileErrors())
                .containsExactly(error("E0503", 4, 13, "v", "cannot use `*v` because it was mutably borrowed"));
    }

    @Test
    void assigningWhileBorrowedIsE0506() {
        assertThat(why("assign-while-borrowed").compileErrors())
                .containsExactly(error("E0506", 4, 5, "x", "cannot assign to `x` because it is borrowed"));
    }

    @Test
    void aBorrowThatOutlivesItsReferentIsE0597AtTheBorrow() {
        assertThat(why("borrow-outlives-referent").compileErrors())
                .containsExactly(error("E0597", 5, 13, "x", "`x` does not live long enough"));
    }

    @Test
    void movingOutWhileBorrowedIsE0505() {
        assertThat(why("move-while-borrowed").compileErrors())
                .containsExactly(error("E0505", 4, 10, "v", "cannot move out of `v` because it is borrowed"));
    }

    @Test
    void aMutableBorrowWhileASharedOneIsLiveIsE0502() {
        assertThat(why("mut-borrow-while-shared").compileErrors())
                .containsExactly(error("E0502", 4, 5, "v", "cannot borrow `v` as mutable because it is also borrowed as immutable"));
    }

    @Test
    void theShippedScenariosThatRustcRejectsAreRejectedWhereRustcSays() {
        assertThat(Scenarios.find("print-years-twice").compileErrors())
                .containsExactly(error("E0382", 10, 17, "years", "use of moved value: `years`"));
        assertThat(Scenarios.find("double-free").compileErrors())
                .containsExactly(error("E0382", 10, 10, "orders", "use of moved value: `orders`"));
        assertThat(Scenarios.find("use-after-free").compileErrors())
                .containsExactly(error("E0382", 7, 18, "orders", "borrow of moved value: `orders`"));
        assertThat(Scenarios.find("context-moved").compileErrors())
                .containsExactly(error("E0382", 10, 17, "context", "borrow of moved value: `context`"));
        assertThat(Scenarios.all().stream().filter(s -> s.compileErrors().isEmpty()).map(Scenario::name).toList())
                .containsExactly("orders", "orders-early-scope", "years-returned", "print-years-clone", "borrowed-length",
                        "rc-cycle", "weak-back-pointer");
    }

    @Test
    void everyWhyFileHasATest() {
        assertThat(List.of(WHY.toFile().list())).containsExactlyInAnyOrder(
                "late-init-drop-order.rs", "moved-in-if.rs", "moved-in-loop.rs", "two-mut-borrows-nll.rs",
                "two-mut-borrows-live.rs", "use-while-mut-borrowed.rs", "assign-while-borrowed.rs",
                "borrow-outlives-referent.rs", "move-while-borrowed.rs", "mut-borrow-while-shared.rs");
    }
}
