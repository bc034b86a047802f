package org.reclaim.workloads.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser's errors (one, naming the construct, FILE:LINE:COL) and checker cases beyond issue 16's "Why" list. */
class FrontEndTest {

    private static java.util.List<Diagnostic> check(String src) {
        return BorrowChecker.check("t.rs", SourceParser.parse("t.rs", src));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "match x { _ => 1 };|2|5|'match' is outside the Rust subset the lab reads",
            "let c = move_it;|2|13|cannot find value `move_it` in this scope",
            "let v = [1, 2];|2|13|an array is outside the Rust subset the lab reads",
            "let f = 1.5;|2|13|a floating-point literal (the subset has integers only) is outside the Rust subset the lab reads",
            "let y = x as i32;|2|15|an 'as' cast is outside the Rust subset the lab reads",
            "let y = x?;|2|14|the ? operator is outside the Rust subset the lab reads",
            "let y = x.len(;|2|19|expected an expression, found ';'"})
    void aConstructOutsideTheSubsetIsOneErrorAtItsLineAndColumn(String line, int row, int column, String message) {
        String src = "fn main() {\n    " + line + "\n}\n";
        assertThatThrownBy(() -> check(src))
                .isInstanceOf(RustSyntaxError.class)
                .hasMessage("t.rs:" + row + ":" + column + ": " + message);
    }

    @Test
    void aNameOnACOnlyLineMustBeDeclaredThoughRustcNeverSeesTheLine() throws Exception {
        String src;
        try (var in = FrontEndTest.class.getResourceAsStream("/scenarios/rc-cycle.rs")) {
            src = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(check(src)).isNotNull();
        String undeclared = src.replace("rc_release(a); // C only", "rc_release(rc); // C only");
        assertThat(undeclared).isNotEqualTo(src);
        assertThatThrownBy(() -> check(undeclared))
                .isInstanceOf(RustSyntaxError.class)
                .hasMessage("t.rs:10:16: use of undeclared identifier `rc` on a C-only line");
    }

    @Test
    void aClosureIsNamed() {
        assertThatThrownBy(() -> check("fn main() {\n    let c = |y: i64| y;\n}\n"))
                .hasMessage("t.rs:2:13: a closure is outside the Rust subset the lab reads");
    }

    @Test
    void anUndefinedFunctionIsNamed() {
        assertThatThrownBy(() -> check("fn main() {\n    let v = helper(1);\n}\n"))
                .hasMessage("t.rs:2:13: the function helper (not defined in this file, nor in the subset) is outside the Rust subset the lab reads");
    }

    @Test
    void aReceiverIsBorrowedAfterItsArgumentsTwoPhase() {
        assertThat(check("fn main() {\n    let mut v = vec![1];\n    v.push(v.len());\n}\n")).isEmpty();
    }

    @Test
    void twoArgumentsBorrowingTheSameVariableConflict() {
        assertThat(check("fn f(a: &mut Vec<i64>, b: &Vec<i64>) {}\nfn main() {\n    let mut v = vec![1];\n    f(&mut v, &v);\n}\n"))
                .containsExactly(new Diagnostic("E0502", 4, 15, "v", "cannot borrow `v` as immutable because it is also borrowed as mutable"));
    }

    @Test
    void aLateInitialisedLocalUsedBeforeAssignmentIsE0381() {
        assertThat(check("fn main() {\n    let x: i64;\n    println!(\"{}\", x);\n}\n"))
                .containsExactly(new Diagnostic("E0381", 3, 20, "x", "used binding `x` isn't initialized"));
    }

    @Test
    void aMoveThenReassignmentMakesTheVariableUsableAgain() {
        assertThat(check("fn main() {\n    let mut v = vec![1];\n    drop(v);\n    v = vec![2];\n    println!(\"{:?}\", v);\n}\n")).isEmpty();
    }
}
