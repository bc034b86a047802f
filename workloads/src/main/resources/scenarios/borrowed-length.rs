struct Datum { x: i64, padding: i64 }
fn length(datum: &Datum) -> i64 {
    datum.x - datum.padding
}
fn main() {
    let datum = Box::new(Datum { x: 24, padding: 4 });
    let l = length(&datum);
    println!("{} {}", l, datum.x);
    dealloc(datum); // C only
}
