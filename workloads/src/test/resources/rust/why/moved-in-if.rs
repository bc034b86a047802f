fn consume(v: Vec<i64>) {
    println!("{:?}", v);
}
fn main() {
    let v = vec![1, 2, 3];
    let n = 0;
    if n > 0 {
        consume(v);
    }
    println!("{:?}", v);
}
