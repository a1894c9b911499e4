import PropertyBased
import Solver
import Testing

/// The solver's bit-vector operators agree with Swift's UInt64 arithmetic masked to the width.
@Suite struct ArithmeticPropertyTests {
  @Test(arguments: [32, 64])
  func operatorsMatchConcreteArithmetic(width: Int) async {
    await propertyCheck(
      count: 200, input: Gen.uint64(in: .min ... .max), Gen.uint64(in: .min ... .max),
      Gen.int(in: 0...63)
    ) { rawA, rawB, rawShift in
      let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
      let a = rawA & mask
      let b = rawB & mask
      let shift = rawShift % width
      let expected: [(String, UInt64)] = [
        ("and", a & b),
        ("or", a | b),
        ("xor", a ^ b),
        ("not", ~a & mask),
        ("add", (a &+ b) & mask),
        ("sub", (a &- b) & mask),
        ("mul", (a &* b) & mask),
        ("udiv", b == 0 ? mask : a / b),
        ("urem", b == 0 ? a : a % b),
        ("shl", (a << UInt64(shift)) & mask),
        ("lshr", a >> UInt64(shift)),
        ("shlvar", (a << UInt64(shift)) & mask),
        ("lshrvar", a >> UInt64(shift)),
        ("ult", a < b ? 1 : 0),
        ("ule", a <= b ? 1 : 0),
        ("ugt", a > b ? 1 : 0),
        ("uge", a >= b ? 1 : 0),
        ("extract", (a >> 4) & 0xfff),
        ("zext", a),
      ]
      do {
        let context = try SolverContext()
        let ca = context.constant(a, width: width)
        let cb = context.constant(b, width: width)
        let cs = context.constant(UInt64(shift), width: width)
        let one = context.constant(1, width: width)
        let zero = context.constant(0, width: width)
        let terms: [String: BitVector] = [
          "and": ca & cb, "or": ca | cb, "xor": ca ^ cb, "not": ~ca,
          "add": ca + cb, "sub": ca - cb, "mul": ca * cb,
          "udiv": ca.udiv(cb), "urem": ca.urem(cb),
          "shl": ca << shift, "lshr": ca >> shift, "shlvar": ca << cs, "lshrvar": ca >> cs,
          "ult": ite(ca.ult(cb), one, zero), "ule": ite(ca.ule(cb), one, zero),
          "ugt": ite(ca.ugt(cb), one, zero), "uge": ite(ca.uge(cb), one, zero),
          "extract": ca.extract(high: 15, low: 4).zeroExtend(to: width),
          "zext": ca.zeroExtend(to: 64).extract(high: width - 1, low: 0),
        ]
        let solver = Solver(context: context)
        var variables: [String: BitVector] = [:]
        for (name, term) in terms {
          let x = context.variable(name, width: width)
          variables[name] = x
          solver.assert(x == term)
        }
        let model = try #require(try solver.check().model)
        for (name, value) in expected {
          let x = try #require(variables[name])
          #expect(try model.value(of: x) == value, "\(name) a=\(a) b=\(b) s=\(shift)")
        }

        // x == a together with x != a has no solution.
        let x = context.variable("x", width: width)
        solver.push()
        solver.assert(x == ca)
        solver.assert(x != ca)
        #expect(try solver.check().isUnsat)
        solver.pop()
      } catch {
        Issue.record("solver failed: \(error)")
      }
    }
  }
}
