use std::cell::RefCell;
use std::rc::Rc;
struct Node { value: i64, next: RefCell<Option<Rc<Node>>> }
fn main() {
    let a = Rc::new(Node { value: 1, next: RefCell::new(None) });
    let b = Rc::new(Node { value: 2, next: RefCell::new(Some(Rc::clone(&a))) });
    *a.next.borrow_mut() = Some(Rc::clone(&b));
    println!("{}", a.value + b.value);
    rc_release(b); // C only
    rc_release(a); // C only
}
