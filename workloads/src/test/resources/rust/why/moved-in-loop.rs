fn main() {
    let v = vec![1];
    let mut i = 0;
    while i < 2 {
        drop(v);
        i += 1;
    }
}
