package org.reclaim.workloads.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.workloads.rust.Ast.*;

/** The ASTs the grammar's parser builds, positions included, for the shapes the checker and interpreter rely on. */
class SourceParserTest {
    private static final Type I64 = new Type("i64", List.of(), false, false);

    private static Fn main(String body) {
        return SourceParser.parse("t.rs", "fn main() {\n" + body + "\n}\n").fn("main");
    }

    private static Pos at(int line, int column) { return new Pos(line, column); }

    @Test
    void operatorsBindByPrecedenceAndAssociateLeftEachNodeAtItsLeftOperand() {
        Let let = (Let) main("let x = 1 - 2 - 3 * -y < 4 && z;").body().stmts().getFirst();
        Expr minus = new Binary("-", new Binary("-", new IntLit(1, at(2, 9)), new IntLit(2, at(2, 13)), at(2, 9)),
                new Binary("*", new IntLit(3, at(2, 17)), new Unary("-", new Var("y", at(2, 22)), at(2, 21)), at(2, 17)), at(2, 9));
        assertThat(let).isEqualTo(new Let("x", false, null,
                new Binary("&&", new Binary("<", minus, new IntLit(4, at(2, 26)), at(2, 9)), new Var("z", at(2, 31)), at(2, 9)),
                at(2, 1), false));
    }

    @Test
    void aTailIsTheBlocksValueAndElseIfIsABlockHoldingTheNestedIf() {
        Fn f = SourceParser.parse("t.rs", "fn f(mut a: &mut i64) -> i64 { if c { 1 } else if d { 2 } else { 3 } }\nfn main() {}\n").fn("f");
        assertThat(f.params()).containsExactly(new Param("a", new Type("i64", List.of(), true, true), at(1, 6)));
        assertThat(f.ret()).isEqualTo(I64);
        If outer = (If) f.body().tail();
        assertThat(f.body().stmts()).isEmpty();
        If nested = (If) outer.otherwise().tail();
        assertThat(outer.otherwise()).isEqualTo(new Block(List.of(), nested, at(1, 48), at(1, 68)));
        assertThat(nested.then().tail()).isEqualTo(new IntLit(2, at(1, 55)));
    }

    @Test
    void methodsFieldsStructLiteralsAndCOnlyLines() {
        List<Stmt> stmts = main("""
                let n = Box::new(Node { value, next: None });
                n.next.take();
                free(n); // C only
                if Node { } { };""").body().stmts();
        assertThat(((Let) stmts.get(0)).init()).isEqualTo(new Call("Box::new", List.of(new StructLit("Node", List.of("value", "next"),
                List.of(new Var("value", at(2, 25)), new NoneLit(at(2, 38))), at(2, 18))), at(2, 9)));
        assertThat(stmts.get(1)).isEqualTo(new ExprStmt(new Method(new FieldAccess(new Var("n", at(3, 1)), "next", at(3, 3)), "take",
                List.of(), at(3, 8)), at(3, 1), false));
        assertThat(((ExprStmt) stmts.get(2)).cOnly()).isTrue();
        // in a condition Name { } is the body, as in Rust
        assertThat(((If) ((ExprStmt) stmts.get(3)).expr()).cond()).isEqualTo(new Var("Node", at(5, 4)));
    }

    @Test
    void aForLoopOverIterIsABorrowOfTheVec() {
        assertThat(main("for x in v.iter() { }").body().tail()).isEqualTo(new For("x", null, null, false,
                new Borrow(new Var("v", at(2, 10)), false, at(2, 10)), new Block(List.of(), null, at(2, 19), at(2, 21)), at(2, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "let x = f(1)(2);|2|17|calling something that is not a function name is outside the Rust subset the lab reads",
            "let x = (1, 2);|2|15|a tuple is outside the Rust subset the lab reads",
            "let x = ();|2|13|the unit value () is outside the Rust subset the lab reads",
            "let s = \"open;|2|13|an unterminated string literal is outside the Rust subset the lab reads",
            "let x = 1; /* no */|2|16|a block comment /* */ (use // comments) is outside the Rust subset the lab reads",
            "let x = 1 @ 2;|2|15|the character '@' is outside the Rust subset the lab reads",
            "if a < b < c {}|2|14|expected '{', found '<'",
            "for x in v {}|2|14|a for loop over something other than a range, v.iter() or &v is outside the Rust subset the lab reads"})
    void anErrorIsOneMessageAtItsLineAndColumn(String line, int row, int column, String message) {
        assertThatThrownBy(() -> SourceParser.parse("t.rs", "fn main() {\n    " + line + "\n}\n"))
                .isInstanceOf(RustSyntaxError.class)
                .hasMessage("t.rs:" + row + ":" + column + ": " + message);
    }
}
