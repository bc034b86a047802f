/*
 * The Rust subset `lab explain` reads (docs/rust-subset.md): this grammar is the reference for its
 * syntax. SourceParser turns the parse tree into the Ast records. Rust constructs the subset leaves
 * out are alternatives that stop the parse at once with one message naming them ("'match' is
 * outside the Rust subset the lab reads"), at the construct's own line and column.
 */
grammar RustSubset;

@parser::members {
    /** The file named in errors. */
    String file;

    /**
     * False inside an if/while condition and a for loop's iterable, where {@code Name {} opens the
     * body, not a struct literal (as in Rust); true again inside parentheses of a call, a struct
     * literal's fields and vec![..].
     */
    boolean structLiterals = true;

    /** Stops the parse: {@code construct}, starting at {@code at}, is not in the subset. */
    void outside(Token at, String construct) {
        throw new RustSyntaxError(file, at.getLine(), at.getCharPositionInLine() + 1,
                construct + " is outside the Rust subset the lab reads");
    }
}

// ---- items ----

program : item* EOF ;

item
    : useDecl
    | structDecl
    | fnDecl
    | t='#' { outside($t, "an attribute (#[..])"); }
    | t=(IMPL | TRAIT | ENUM | MOD | STATIC | CONST | TYPE | PUB | UNSAFE | EXTERN) { outside($t, "'" + $t.text + "' items"); }
    ;

// skipped: the lab resolves Box, Vec, Rc, Weak and RefCell by name
useDecl : USE useTree ';' ;

useTree
    : IDENT ('::' IDENT)* ('::' ('*' | '{' (useTree (',' useTree)* ','?)? '}'))? (AS IDENT)?
    | '{' (useTree (',' useTree)* ','?)? '}'
    ;

structDecl
    : STRUCT name=IDENT
      ( t='<' { outside($t, "a generic struct"); }
      | t=('(' | ';') { outside($t, "a tuple or unit struct"); }
      | '{' (field (',' field)* ','?)? '}'
      )
    ;

field
    : t=PUB { outside($t, "'pub' fields"); }
    | name=IDENT ':' type
    ;

fnDecl
    : FN name=IDENT (t='<' { outside($t, "a generic function (lifetimes or type parameters)"); })?
      '(' (param (',' param)* ','?)? ')' ('->' ret=type)? block
    ;

param : MUT? name=IDENT ':' type ;

type
    : '&' (t='\'' { outside($t, "a lifetime annotation"); })? MUT? type
    | '(' ')'
    | t='[' { outside($t, "an array or slice type"); }
    | t=(DYN | IMPL) { outside($t, "a trait object or impl type"); }
    | IDENT ('::' IDENT)* ('<' (type (',' type)* ','?)? '>')?
    ;

// ---- blocks and statements ----

/** An expression without ';' is the block's value when it is last, else it must be block-like (if, while, ..). */
block : '{' statement* '}' ;

statement
    : ';'
    | letStmt
    | t=(FN | STRUCT | USE) { outside($t, "an item inside a function body"); }
    | expr ';'?
    ;

letStmt : LET MUT? (t='(' { outside($t, "a tuple pattern"); })? name=IDENT (':' type)? ('=' expr)? ';' ;

// ---- expressions, lowest precedence first ----

expr : rangeExpr (assignOp expr)? ;

assignOp : '=' | '+=' | '-=' | '*=' | '/=' | '%=' ;

rangeExpr : orExpr (t=('..' | '..=') { outside($t, "a range outside a for loop"); })? ;

orExpr : andExpr (ops+='||' andExpr)* ;

andExpr : comparison (ops+='&&' comparison)* ;

// not associative: a < b < c is an error, as in Rust
comparison : additive (ops+=('==' | '!=' | '<' | '>' | '<=' | '>=') additive)? ;

additive : multiplicative (ops+=('+' | '-') multiplicative)* ;

multiplicative : unary (ops+=('*' | '/' | '%') unary)* ;

unary
    : op='&' MUT? unary
    | t='&&' { outside($t, "'&&' as a double borrow (write & &x)"); }
    | op='*' unary
    | op=('-' | '!') unary
    | primary postfix*
    ;

// a method is a field followed by its arguments; arguments after anything else are a call of a value, outside the subset
postfix
    : '.' ( t=INT { outside($t, "a tuple field"); }
          | name=IDENT (t='::' { outside($t, "a turbofish (::<..>)"); })?
          )
    | args
    | t='?' { outside($t, "the ? operator"); }
    | t='[' { outside($t, "indexing (v[i])"); }
    | t=AS { outside($t, "an 'as' cast"); }
    ;

args locals [boolean outer]
    : '(' { $outer = structLiterals; structLiterals = true; } (expr (',' expr)* ','?)? { structLiterals = $outer; } ')'
    ;

primary
    : INT
    | STRING
    | TRUE
    | FALSE
    | NONE
    | '(' (expr (',' expr)* ','?)? ')'      // only ( e ) is in the subset: the unit value and tuples are named
    | block
    | ifExpr
    | WHILE (t=LET { outside($t, "while let"); })? condition block
    | LOOP block
    | forExpr
    | RETURN expr?
    | BREAK (t=~(';' | '}') { outside($t, "break with a value or label"); })?
    | t='|' { outside($t, "a closure"); }
    | t='[' { outside($t, "an array"); }
    | t=MATCH { outside($t, "'match'"); }
    | t=UNSAFE { outside($t, "'unsafe'"); }
    | t=MOVE { outside($t, "a move closure"); }
    | t=CONTINUE { outside($t, "'continue'"); }
    | macroCall
    | path
    ;

ifExpr : IF (t=LET { outside($t, "if let"); })? condition then=block (ELSE (elseIf=ifExpr | otherwise=block))? ;

condition locals [boolean outer]
    : { $outer = structLiterals; structLiterals = false; } expr { structLiterals = $outer; }
    ;

// for var in from..to, for var in from..=to, for x in v.iter(), for x in &v
forExpr locals [boolean outer]
    : FOR (t='(' { outside($t, "a pattern in a for loop"); })? var=IDENT IN
      { $outer = structLiterals; structLiterals = false; }
      from=orExpr (range=('..' | '..=') to=orExpr)?
      { structLiterals = $outer; }
      block
    ;

macroCall locals [boolean outer]
    : name=IDENT '!'
      ( open='[' { $outer = structLiterals; structLiterals = true; } (expr (',' expr)* ','?)? { structLiterals = $outer; } ']'
      | args
      )
    ;

// a variable, a call (f(a), Box::new(a), Some(a)) or a struct literal (Name { field: value })
path
    : IDENT ('::' (t='<' { outside($t, "a turbofish (::<..>)"); } | IDENT))*
      ( args
      | { structLiterals && Character.isUpperCase($ctx.start.getText().charAt(0)) }? structBody
      )?
    ;

structBody locals [boolean outer]
    : '{' { $outer = structLiterals; structLiterals = true; }
      (fieldInit (',' fieldInit)* ','?)?
      { structLiterals = $outer; } '}'
    ;

fieldInit
    : t='..' { outside($t, "struct update syntax (..base)"); }
    | name=IDENT (':' expr)?
    ;

// ---- tokens ----

AS : 'as' ;
BREAK : 'break' ;
CONST : 'const' ;
CONTINUE : 'continue' ;
DYN : 'dyn' ;
ELSE : 'else' ;
ENUM : 'enum' ;
EXTERN : 'extern' ;
FALSE : 'false' ;
FN : 'fn' ;
FOR : 'for' ;
IF : 'if' ;
IMPL : 'impl' ;
IN : 'in' ;
LET : 'let' ;
LOOP : 'loop' ;
MATCH : 'match' ;
MOD : 'mod' ;
MOVE : 'move' ;
MUT : 'mut' ;
NONE : 'None' ;
PUB : 'pub' ;
RETURN : 'return' ;
STATIC : 'static' ;
STRUCT : 'struct' ;
TRAIT : 'trait' ;
TRUE : 'true' ;
TYPE : 'type' ;
UNSAFE : 'unsafe' ;
USE : 'use' ;
WHILE : 'while' ;

FAT_ARROW : '=>' ;

IDENT : [\p{L}_] [\p{L}\p{Nd}_]* ;

// digits and underscores, then an integer type suffix (1i64, 2usize) that says nothing the lab needs
INT : [0-9] [0-9_]* [\p{L}\p{Nd}]* ;

// a string literal, its escapes taken literally ("\"" is ")
STRING : '"' ('\\' . | ~["\\\n])* '"' ;

// The tokens below never reach the parser: SourceParser names the first one as outside the subset.
FLOAT : [0-9] [0-9_]* '.' [0-9] ;
UNTERMINATED_STRING : '"' ('\\' . | ~["\\\n])* ;
BLOCK_COMMENT : '/*' ;

// `// C only` marks the C programmer's explicit frees: SourceParser reads these comments
LINE_COMMENT : '//' ~[\n]* -> channel(HIDDEN) ;

WS : [ \t\r\n\f\u000B\u001C-\u001F\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+ -> skip ;

// punctuation the subset does not use needs a token too, for its error to name the construct
HASH : '#' ;
QUESTION : '?' ;
QUOTE : '\'' ;
PIPE : '|' ;

UNKNOWN_CHARACTER : . ;
