internal import CZ3

/// `then` where `condition` holds, otherwise `else`; both branches must have the same width.
public func ite(_ condition: BoolExpr, _ then: BitVector, _ else: BitVector) -> BitVector {
  let term = condition.context.term([condition.term, then.term, `else`.term]) {
    Z3_mk_ite($0, $1[0], $1[1], $1[2])
  }
  return BitVector(term: term, width: then.width)
}

/// `then` where `condition` holds, otherwise `else`.
public func ite(_ condition: BoolExpr, _ then: BoolExpr, _ else: BoolExpr) -> BoolExpr {
  let term = condition.context.term([condition.term, then.term, `else`.term]) {
    Z3_mk_ite($0, $1[0], $1[1], $1[2])
  }
  return BoolExpr(term: term)
}
