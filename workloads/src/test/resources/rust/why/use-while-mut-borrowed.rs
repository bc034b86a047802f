fn main() {
    let mut v = Box::new(1);
    let r = &mut v;
    let x = *v;
    **r = 2;
    println!("{} {}", x, v);
}
