package org.reclaim.workloads.rust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar's parser gives the hand-written parser's AST, positions included, for every program the lab ships or tests. */
class ParserEquivalenceTest {

    static Stream<Path> files() throws IOException {
        return Stream.concat(Files.list(Path.of("src/main/resources/scenarios")), Files.list(Path.of("src/test/resources/rust/why")))
                .filter(p -> p.toString().endsWith(".rs")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aShippedProgramParsesToTheSameAst(Path file) throws IOException {
        String src = Files.readString(file);
        assertThat(SourceParser.parse(file.toString(), src)).isEqualTo(HandParser.parse(file.toString(), src));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fn main() {\n    let mut v = vec![1];\n    v.push(v.len());\n}\n",
            "fn f(a: &mut Vec<i64>, b: &Vec<i64>) {}\nfn main() {\n    let mut v = vec![1];\n    f(&mut v, &v);\n}\n",
            "fn main() {\n    let x: i64;\n    println!(\"{}\", x);\n}\n",
            "fn main() {\n    let mut v = vec![1];\n    drop(v);\n    v = vec![2];\n    println!(\"{:?}\", v);\n}\n",
            "fn main() {\n    let a = Box::new(1);\n    println!(\"{}\", *a > 0 || *a < 0);\n}\n",
            "fn main() {\n    let a = Box::new(1);\n    let x;\n    let mut z = Box::new(3);\n    x = Box::new(2);\n    z = Box::new(4);\n    println!(\"{} {} {}\", a, x, z);\n}\n",
            "fn main() {\n    let mut x = 1;\n    let r = &mut x;\n    let c = 0;\n    if c > 0 {\n        x = 2;\n    } else {\n        *r = 3;\n    }\n    println!(\"{}\", x);\n}\n",
            "fn main() {\n    let c = move_it;\n}\n",
            "fn main() {\n    let v = helper(1);\n}\n",
            // corners: else-if chains, for loops, struct literals in and out of conditions, operators, suffixes, escapes
            "struct P { a: i64, b: Option<Box<P>>, }\nfn f(mut p: Box<P>, q: &mut i64) -> i64 { p.a + *q }\n"
                    + "fn main() {\n  let mut n = 1_000i64; let s = \"a\\\"b\";\n  if n > 1 { n -= 1 } else if n < 0 { n = -n; } else if !true { } else { n *= 2 }\n"
                    + "  for i in 0..=n { n %= i + 1; } for j in 0..3 {} let v = vec![1, 2,]; for x in v.iter() {} for y in &v {}\n"
                    + "  let b = Box::new(P { a: 1, b: None }); let a = 2; let c = Box::new(P { a, b: Some(b) });\n"
                    + "  while a < n && !(a == 3) || false { loop { break; } }\n  { let z = 1; } *c.b.take() ; return;\n"
                    + "  let q = & &x; let w = - -a * (a / 2 - 3 % a);\n  let r: &mut Vec<i64> = &mut vec![];\n}\n",
            "fn main() { let d = Rc::downgrade(&x); let u = d.upgrade().is_some(); print!(\"{}\", u); if X { } }\n"})
    void aTestProgramParsesToTheSameAst(String src) {
        assertThat(SourceParser.parse("t.rs", src)).isEqualTo(HandParser.parse("t.rs", src));
    }
}
