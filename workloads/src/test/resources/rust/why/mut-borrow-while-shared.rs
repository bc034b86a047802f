fn main() {
    let mut v = vec![1, 2];
    let first = &v;
    v.push(3);
    println!("{:?}", first);
}
