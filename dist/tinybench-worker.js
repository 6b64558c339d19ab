import { createRequire as __tpCreateRequire } from 'node:module';
const require = __tpCreateRequire(import.meta.url);

// src/bench/instrument-hooks.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function addonCandidates(here = import.meta.url, platform = process.platform, arch = process.arch) {
  const dir = dirname(fileURLToPath(here));
  const out = [join(dir, "instrument-hooks", `${platform}-${arch}`, "node.napi.node")];
  try {
    const pkg = createRequire(join(dir, "noop.js")).resolve("@codspeed/core/package.json");
    out.push(join(dirname(pkg), "prebuilds", `${platform}-${arch}`, "node.napi.node"));
  } catch {
  }
  return out;
}
function loadInstrumentHooks(candidates = addonCandidates()) {
  const file = candidates.find((f2) => existsSync(f2));
  if (!file) {
    throw new Error(`no prebuilt instrument-hooks addon for ${process.platform}-${process.arch} (looked for ${candidates.join(", ")})`);
  }
  const mod = { exports: {} };
  process.dlopen(mod, file);
  if (!mod.exports.InstrumentHooks) throw new Error(`${file} does not export InstrumentHooks`);
  return mod.exports.InstrumentHooks;
}

// src/bench/worker-run.ts
import { pathToFileURL } from "node:url";

// node_modules/tinybench/dist/index.js
var e = Object.freeze(() => {
});
var t = globalThis.Event;
var n = class extends t {
  get error() {
    return this.#e;
  }
  get reason() {
    return this.#t;
  }
  get task() {
    return this.#n;
  }
  #e;
  #t;
  #n;
  constructor(e2, t2, n2) {
    super(e2), t2 != null && (this.#n = t2), typeof n2 == "string" ? this.#t = n2 : n2 != null && (this.#e = n2);
  }
};
var r = (e2) => e2 !== null && (typeof e2 == "object" || typeof e2 == "function") && typeof e2.then == "function";
var i = (async () => {
}).constructor;
var a = (e2) => typeof e2 == "function" && e2.constructor === i;
var o = (t2) => {
  if (t2 == null) return false;
  if (a(t2)) return true;
  try {
    let n2 = t2(), i2 = r(n2);
    if (i2) try {
      n2.then(e).catch(e);
    } catch {
    }
    return i2;
  } catch {
    return false;
  }
};
var s = (e2, t2) => {
  if (!e2) {
    let e3 = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
      let n2 = Error(t2);
      throw Error.stackTraceLimit = e3, e3 !== 0 && Error.captureStackTrace(n2, s), n2;
    } finally {
      Error.stackTraceLimit = e3;
    }
  }
};
var c = (e2) => {
  switch (typeof e2) {
    case "function":
      return Error(e2.name);
    case "object":
      if (e2 !== null) return e2 instanceof Error ? e2 : Error(e2.message ?? "");
    case "undefined":
      return Error();
    case "string":
      return Error(e2);
    default:
      return Error(String(e2));
  }
};
var l = (e2) => Number(e2) / 1e6;
var u = (e2) => Number(e2) * 1e6;
var d = (e2) => e2;
var f = (e2) => BigInt(Math.round(e2 * 1e6));
function p(e2 = globalThis) {
  let t2 = "unknown", n2 = "unknown";
  if (e2.Bun || e2.process && e2.process.versions?.bun) {
    t2 = "bun";
    let r2 = e2.Bun?.version;
    if (r2) n2 = r2;
    else {
      let t3 = e2.process?.versions?.bun;
      t3 && (n2 = t3);
    }
  } else e2.Deno ? (t2 = "deno", n2 = e2.Deno.version?.deno ?? "unknown") : e2.process && e2.process.release?.name === "node" ? (t2 = "node", n2 = e2.process.versions?.node ?? "unknown") : e2.HermesInternal ? (t2 = "hermes", n2 = e2.HermesInternal.getRuntimeProperties?.()["OSS Release Version"] ?? "unknown") : m(e2) && e2.navigator.userAgent === "Cloudflare-Workers" ? t2 = "workerd" : m(e2) && e2.navigator.userAgent.toLowerCase().startsWith("quickjs-ng") ? (t2 = "quickjs-ng", n2 = e2.navigator.userAgent.split("/")[1] ?? "unknown") : typeof e2.Netlify == "object" ? t2 = "netlify" : typeof e2.EdgeRuntime == "string" ? t2 = "edge-light" : e2.__lagon__ ? t2 = "lagon" : e2.fastly ? t2 = "fastly" : e2.$262 && e2.lockdown && e2.AsyncDisposableStack ? t2 = "moddable" : e2.d8 ? (t2 = "v8", n2 = typeof e2.version == "function" ? e2.version() : "unknown") : e2.inIon && e2.performance && e2.performance.mozMemory ? t2 = "spidermonkey" : typeof e2.$ == "object" && e2.$ !== null && "IsHTMLDDA" in e2.$ ? t2 = "jsc" : e2.window && e2.navigator && (t2 = "browser");
  return {
    runtime: t2,
    version: n2
  };
}
function m(e2 = globalThis) {
  return typeof e2.navigator == "object" && e2.navigator !== null && typeof e2.navigator.userAgent == "string";
}
var { runtime: h, version: g } = p();
var _ = globalThis.performance.now.bind(globalThis.performance);
var v = {
  fn: _,
  fromMs: d,
  name: "performanceNow",
  toMs: d
};
var y = globalThis.process?.hrtime?.bigint.bind(globalThis.process?.hrtime) ?? (() => {
  throw Error("hrtime.bigint() is not supported in this JS environment");
});
var x = {
  fn: y,
  fromMs: f,
  name: "hrtimeNow",
  toMs: l
};
var S = globalThis.Bun?.nanoseconds;
var C = S ? {
  fn: S,
  fromMs: u,
  name: "bunNanoseconds",
  toMs: l
} : void 0;
function w(e2) {
  return {
    fn: e2,
    fromMs: d,
    name: "custom",
    toMs: d
  };
}
var T = (e2 = h) => e2 === "bun" ? C : e2 === "deno" ? v : e2 === "node" ? x : v;
var E = (e2) => {
  switch (typeof e2) {
    case "function":
      return w(e2);
    case "string":
      switch (e2) {
        case "auto":
          return T();
        case "bunNanoseconds":
          return C ?? v;
        case "hrtimeNow":
          return x;
        default:
          return v;
      }
    case "object":
      return e2 === null ? v : (s(D(e2), "Invalid Timestamp Provider object"), e2);
    case "undefined":
      return v;
    default:
      throw Error("Invalid value for 'timestampProvider' or 'now'");
  }
};
function D(e2) {
  return typeof e2 == "object" && !!e2 && typeof e2.fn == "function" && typeof e2.name == "string" && typeof e2.toMs == "function" && typeof e2.fromMs == "function";
}
var ee = async (e2) => {
  let { fn: t2, iterations: n2, limit: r2, signal: i2, time: a2 = 0, timestampProvider: o2 = v } = e2, s2 = n2 === 0 ? r2 : Math.max(0, Math.min(r2, n2)), l2 = [], u2 = [], d2 = true, f2 = 0, p2 = Number.isFinite(a2) && a2 > 0, m2 = n2 > 0, h2 = 0, g3 = o2.fn, _2 = m2 ? p2 ? () => d2 && f2++ < n2 && (g3() < h2 || (d2 = false)) : () => d2 && f2++ < n2 : p2 ? () => d2 && (g3() < h2 || (d2 = false)) : () => d2, y2 = (e3) => {
    d2 && u2.push(e3);
  }, b = (e3) => {
    l2.push(c(e3));
  }, x2 = () => d2 = false;
  if (i2) {
    if (i2.aborted) return [];
    i2.addEventListener("abort", x2);
  }
  let S2 = async () => {
    for (; _2(); ) try {
      y2(await t2());
    } catch (e3) {
      d2 = false, b(e3);
      break;
    }
  };
  try {
    p2 && (h2 = g3() + o2.fromMs(a2));
    let e3 = Array.from({ length: s2 }, () => S2());
    await Promise.allSettled(e3);
  } finally {
    i2?.removeEventListener("abort", x2);
  }
  if (l2.length === 0) return u2;
  throw l2.length === 1 ? l2[0] : AggregateError(l2, "Multiple errors occurred during concurrent execution");
};
var O = (e2, t2 = 5, n2 = 2) => {
  if (e2 === Infinity) return "+\u221E";
  if (e2 === -Infinity) return "-\u221E";
  if (e2 !== e2) return "NaN";
  let r2 = Math.abs(e2);
  if (r2 >= 10 ** t2) return e2.toFixed();
  if (r2 < 10 ** (t2 - n2)) return e2.toFixed(n2);
  let i2 = Math.min(Math.max(0, t2 - (Math.floor(Math.log10(r2)) + 1)), n2);
  return e2.toFixed(i2);
};
var te = (e2) => {
  let t2 = e2.result.state;
  return {
    "Task name": e2.name,
    ...t2 === "aborted-with-statistics" || t2 === "completed" ? {
      "Latency avg (ns)": `${O(u(e2.result.latency.mean))} \xB1 ${O(e2.result.latency.rme)}%`,
      "Latency med (ns)": `${O(u(e2.result.latency.p50))} \xB1 ${O(u(e2.result.latency.mad))}`,
      "Throughput avg (ops/s)": `${Math.round(e2.result.throughput.mean).toString()} \xB1 ${O(e2.result.throughput.rme)}%`,
      "Throughput med (ops/s)": `${Math.round(e2.result.throughput.p50).toString()} \xB1 ${Math.round(e2.result.throughput.mad).toString()}`,
      Samples: e2.result.latency.samplesCount
    } : t2 === "errored" ? {
      Error: e2.result.error.message,
      Stack: e2.result.error.stack ?? "N/A"
    } : {
      "Latency avg (ns)": "N/A",
      "Latency med (ns)": "N/A",
      "Throughput avg (ops/s)": "N/A",
      "Throughput med (ops/s)": "N/A",
      Samples: "N/A",
      Remarks: t2
    },
    ...t2 === "aborted-with-statistics" && { Remarks: t2 }
  };
};
var [k, ...A] = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
var j = (e2) => {
  let t2 = k;
  for (let n2 = 0; n2 < A.length; n2++) t2 += A[n2] / (e2 + n2);
  return 0.5 * Math.log(2 * Math.PI) + (e2 - 0.5) * Math.log(e2 + 6.5) - (e2 + 6.5) + Math.log(t2);
};
var M = (e2, t2, n2) => {
  let r2 = e2 + t2, i2 = e2 + 1, a2 = e2 - 1, o2 = 1, s2 = 1 - r2 * n2 / i2;
  Math.abs(s2) < 1e-300 && (s2 = 1e-300), s2 = 1 / s2;
  let c2 = s2;
  for (let l2 = 1; l2 <= 300; l2++) {
    let u2 = 2 * l2, d2 = l2 * (t2 - l2) * n2 / ((a2 + u2) * (e2 + u2));
    s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2, c2 *= s2 * o2, d2 = -(e2 + l2) * (r2 + l2) * n2 / ((e2 + u2) * (i2 + u2)), s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2;
    let f2 = s2 * o2;
    if (c2 *= f2, Math.abs(f2 - 1) < 1e-16) break;
  }
  return c2;
};
var N = (e2) => {
  let t2 = e2 > 0 ? e2 : 1, n2 = t2 / 2, r2 = 0.5, i2 = n2 < 12 ? j(n2 + 0.5) - j(n2) : 0.5 * Math.log(n2) - 1 / (8 * n2) + 1 / (192 * n2 ** 3) - 1 / (640 * n2 ** 5) + 0.00118582565234835 / n2 ** 7 - 0.00167977198469943 / n2 ** 9 + 0.00342404392538552 / n2 ** 11, a2 = 0.5 * Math.log(Math.PI), o2 = i2 - 0.5 * Math.log(t2 * Math.PI), s2 = (e3) => {
    let o3 = e3 * e3, s3 = o3 / (t2 + o3), c3 = Math.exp(i2 - a2 + n2 * Math.log1p(-s3) + r2 * Math.log(s3));
    return s3 <= 0.5 ? 1 - c3 * M(r2, n2, s3) / r2 : c3 * M(n2, r2, 1 - s3) / n2;
  }, c2 = (e3) => o2 - (t2 + 1) / 2 * Math.log1p(e3 * e3 / t2), l2 = 1.959963984540054;
  for (let e3 = 0; e3 < 30; e3++) {
    let e4 = Math.exp(-c2(l2)), t3 = 0.5 * (s2(l2) - 0.05) * e4;
    if (!Number.isFinite(t3)) break;
    let n3 = l2 + t3;
    if (!(n3 > 0)) break;
    let r3 = Math.abs(t3);
    if (l2 = n3, r3 <= 4e-16 * e4) break;
  }
  return l2;
};
var P = (e2) => Array.isArray(e2) && e2.length !== 0;
function F(e2) {
  let t2 = e2.length;
  if (t2 < 1024) {
    e2.sort(z);
    return;
  }
  let n2 = true, r2 = true, i2 = e2[0];
  for (let a3 = 0; a3 < t2; a3++) {
    let t3 = e2[a3];
    if (!Number.isFinite(t3) || Object.is(t3, -0)) {
      e2.sort(z);
      return;
    }
    (n2 || r2) && (n2 &&= t3 >= i2, r2 &&= t3 <= i2, i2 = t3);
  }
  if (n2) return;
  if (r2) {
    e2.reverse();
    return;
  }
  let a2 = new Float64Array(e2).sort();
  for (let n3 = 0; n3 < t2; n3++) e2[n3] = a2[n3];
}
var I = (e2) => {
  let t2 = e2.length;
  if (t2 === 1) return {
    mean: e2[0],
    vr: 0
  };
  let n2 = 0, r2 = 0, i2 = 0;
  for (; i2 < t2; ) {
    let t3 = e2[i2++], a2 = t3 - n2;
    n2 += a2 / i2, r2 += a2 * (t3 - n2);
  }
  return {
    mean: n2,
    vr: r2 / (t2 - 1)
  };
};
var L = (e2, t2) => {
  let n2 = e2 + t2;
  return Number.isFinite(n2) ? n2 / 2 : e2 / 2 + t2 / 2;
};
var R = (e2, t2) => {
  let n2 = (e2.length - 1) * t2, r2 = Math.floor(n2), i2 = e2[r2];
  if (n2 === r2) return i2;
  let a2 = e2[r2 + 1];
  if (i2 === a2) return i2;
  let o2 = n2 - r2;
  if (o2 === 0.5) return L(i2, a2);
  let s2 = a2 - i2;
  return Number.isFinite(s2) ? i2 + o2 * s2 : (1 - o2) * i2 + o2 * a2;
};
var z = (e2, t2) => e2 - t2;
var B = (e2, t2) => {
  let n2 = 0, r2 = e2.length, i2 = 0;
  for (; i2 < r2; ) n2 += (Math.abs(e2[i2++] - t2) - n2) / i2;
  return n2;
};
function V(e2, t2) {
  let n2 = e2.length;
  if (n2 === 1) return 0;
  let r2 = n2 >> 1, i2 = n2 + 1 >> 1, a2 = 0, o2 = r2, s2, c2, l2, u2, d2, f2;
  for (; a2 <= o2; ) {
    if (s2 = a2 + o2 >> 1, c2 = i2 - s2, l2 = s2 === 0 ? -Infinity : t2 - e2[r2 - s2], d2 = s2 === r2 ? Infinity : t2 - e2[r2 - s2 - 1], u2 = c2 === 0 ? -Infinity : e2[r2 + c2 - 1] - t2, f2 = c2 === n2 - r2 ? Infinity : e2[r2 + c2] - t2, l2 <= f2 && u2 <= d2) return n2 & 1 ? Math.max(l2, u2) : L(Math.max(l2, u2), Math.min(d2, f2));
    l2 > f2 ? o2 = s2 - 1 : a2 = s2 + 1;
  }
  return 0;
}
var H = (e2) => V(e2, R(e2, 0.5));
function U(e2, t2 = false) {
  let { mean: n2, vr: r2 } = I(e2), i2 = Math.sqrt(r2), a2 = i2 / Math.sqrt(e2.length), o2 = e2.length - 1, s2 = N(o2), c2 = a2 * s2, l2 = n2 === 0 ? Infinity : c2 / Math.abs(n2) * 100, u2 = R(e2, 0.5);
  return {
    aad: B(e2, n2),
    critical: s2,
    df: o2,
    mad: V(e2, u2),
    max: e2[o2],
    mean: n2,
    min: e2[0],
    moe: c2,
    p50: u2,
    p75: R(e2, 0.75),
    p99: R(e2, 0.99),
    p995: R(e2, 0.995),
    p999: R(e2, 0.999),
    rme: l2,
    samples: t2 ? e2 : void 0,
    samplesCount: e2.length,
    sd: i2,
    sem: a2,
    variance: r2
  };
}
var W = (e2, t2) => {
  let n2 = e2.length;
  if (n2 < 10) return;
  let r2 = 0;
  for (let t3 of e2) t3 === 0 && r2++;
  if (r2 * 2 > n2) return "zero-dominated";
  let i2 = Math.max(3, Math.min(10, Math.floor(n2 / 1e3))), a2 = 1;
  for (let t3 = 1; t3 < n2 && !(e2[t3] !== e2[t3 - 1] && (a2++, a2 >= i2)); t3++) ;
  if (a2 < i2) return "low-distinct";
  if (n2 > 100 && t2 === 0) return "zero-mad";
};
var K = (e2) => {
  let t2;
  for (let n2 = 0; n2 < e2.length; n2++) {
    let r2 = e2[n2];
    if (!(r2 <= 0) && (t2 ??= r2, e2[n2 + 1] === r2)) return r2;
  }
  return t2;
};
var q = (e2, t2 = {}) => {
  let { estimator: n2 = "median", pairs: r2 = 1024, warmupPairs: i2 = 64 } = t2, { fn: a2, toMs: o2 } = e2;
  if (!Number.isInteger(r2) || r2 <= 0) return 0;
  if (Number.isInteger(i2) && i2 > 0) for (let e3 = 0; e3 < i2; e3++) {
    let e4 = a2();
    o2(a2() - e4);
  }
  let s2 = [];
  for (let e3 = 0; e3 < r2; e3++) {
    let e4 = a2(), t3 = o2(a2() - e4);
    t3 > 0 && s2.push(t3);
  }
  return s2.length * 2 < r2 ? 0 : (s2.sort(z), n2 === "min" ? s2[0] : R(s2, n2 === "p05" ? 0.05 : 0.5));
};
var ne = [
  "afterAll",
  "beforeAll",
  "beforeEach",
  "afterEach"
];
var re = ["not-started", "started"];
var J = { state: "not-started" };
var Y = { state: "aborted" };
var ie = { state: "started" };
var X = class extends EventTarget {
  get detectedResolution() {
    return this.#r;
  }
  get name() {
    return this.#o;
  }
  get result() {
    return {
      ...this.#s,
      runtime: this.#n.runtime,
      runtimeVersion: this.#n.runtimeVersion,
      timestampProviderName: this.#n.timestampProvider.name
    };
  }
  get runs() {
    return this.#l;
  }
  #e = false;
  #t;
  #n;
  #r = void 0;
  #i;
  #a;
  #o;
  #s = J;
  #c;
  #l = 0;
  #u;
  #d;
  #f;
  #p;
  constructor(e2, t2, n2, r2 = {}) {
    super(), this.#n = e2, this.#o = t2, this.#i = n2, this.#a = r2, this.#t = r2.async ?? o(n2), this.#u = r2.signal, this.#c = r2.retainSamples ?? e2.retainSamples, this.#f = e2.timestampProvider, this.#d = e2.timestampProvider.fn, this.#p = e2.timestampProvider.toMs;
    for (let e3 of ne) this.#a[e3] != null && s(typeof this.#a[e3] == "function", `'${e3}' must be a function if provided`);
    this.reset(false), this.#u && (this.#u.aborted ? this.#v() : this.#u.addEventListener("abort", this.#v.bind(this), { once: true })), this.#n.signal && (this.#n.signal.aborted ? this.#v() : this.#n.signal.addEventListener("abort", this.#v.bind(this), { once: true }));
  }
  reset(e2 = true) {
    this.#l = 0, this.#r = void 0, this.#s = this.#e ? Y : J, e2 && this.dispatchEvent(new n("reset", this));
  }
  async run() {
    if (this.#s.state !== "not-started") return this;
    this.#s = { state: "started" }, this.dispatchEvent(new n("start", this)), await this.#n.setup(this, "run");
    let { error: e2, overriddenIndices: t2, samples: r2 } = await this.#m("run", this.#n.time, this.#n.iterations);
    return await this.#n.teardown(this, "run"), this.#b({
      error: e2,
      latencySamples: r2,
      overriddenIndices: t2
    }), this;
  }
  runSync() {
    if (this.#s.state !== "not-started") return this;
    s(this.#n.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.#s = ie, this.dispatchEvent(new n("start", this));
    let e2 = this.#n.setup(this, "run");
    s(!r(e2), "`setup` function must be sync when using `runSync()`");
    let { error: t2, overriddenIndices: i2, samples: a2 } = this.#h("run", this.#n.time, this.#n.iterations), o2 = this.#n.teardown(this, "run");
    return s(!r(o2), "`teardown` function must be sync when using `runSync()`"), this.#b({
      error: t2,
      latencySamples: a2,
      overriddenIndices: i2
    }), this;
  }
  async warmup() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this)), await this.#n.setup(this, "warmup");
    let { error: e2 } = await this.#m("warmup", this.#n.warmupTime, this.#n.warmupIterations);
    await this.#n.teardown(this, "warmup"), this.#y(e2);
  }
  warmupSync() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this));
    let e2 = this.#n.setup(this, "warmup");
    s(!r(e2), "`setup` function must be sync when using `runSync()`");
    let { error: t2 } = this.#h("warmup", this.#n.warmupTime, this.#n.warmupIterations), i2 = this.#n.teardown(this, "warmup");
    s(!r(i2), "`teardown` function must be sync when using `runSync()`"), this.#y(t2);
  }
  async #m(e2, t2, n2) {
    try {
      this.#a.beforeAll && await this.#a.beforeAll.call(this, e2);
      let r2 = this.#n.concurrency !== "task", i2 = 0, a2 = [], o2 = /* @__PURE__ */ new Set(), s2 = async () => {
        if (!this.#e) try {
          this.#a.beforeEach != null && await this.#a.beforeEach.call(this, e2);
          let { iterationCost: t3, overridden: n3, taskTime: s3 } = this.#t ? await this.#g(r2) : this.#_(r2), c2 = a2.push(s3) - 1;
          n3 && o2.add(c2), r2 && (i2 += t3 ?? s3);
        } finally {
          this.#a.afterEach != null && await this.#a.afterEach.call(this, e2);
        }
      };
      if (!r2) await ee({
        fn: s2,
        iterations: n2,
        limit: Math.max(1, Math.floor(this.#n.threshold)),
        signal: this.#u ?? this.#n.signal,
        time: t2,
        timestampProvider: this.#f
      }), this.#l = a2.length;
      else for (; (i2 < t2 || a2.length < n2) && !this.#e; ) await s2();
      return this.#a.afterAll != null && await this.#a.afterAll.call(this, e2), P(a2) ? {
        overriddenIndices: o2,
        samples: a2
      } : {};
    } catch (e3) {
      return { error: c(e3) };
    }
  }
  #h(e2, t2, n2) {
    try {
      if (this.#a.beforeAll) {
        let t3 = this.#a.beforeAll.call(this, e2);
        s(!r(t3), "`beforeAll` function must be sync when using `runSync()`");
      }
      let i2 = 0, a2 = [], o2 = /* @__PURE__ */ new Set(), c2 = () => {
        if (!this.#e) try {
          if (this.#a.beforeEach) {
            let t4 = this.#a.beforeEach.call(this, e2);
            s(!r(t4), "`beforeEach` function must be sync when using `runSync()`");
          }
          let { iterationCost: t3, overridden: n3, taskTime: c3 } = this.#_(true), l2 = a2.push(c3) - 1;
          n3 && o2.add(l2), i2 += t3 ?? c3;
        } finally {
          if (this.#a.afterEach) {
            let t3 = this.#a.afterEach.call(this, e2);
            s(!r(t3), "`afterEach` function must be sync when using `runSync()`");
          }
        }
      };
      for (; (i2 < t2 || a2.length < n2) && !this.#e; ) c2();
      if (this.#a.afterAll) {
        let t3 = this.#a.afterAll.call(this, e2);
        s(!r(t3), "`afterAll` function must be sync when using `runSync()`");
      }
      return P(a2) ? {
        overriddenIndices: o2,
        samples: a2
      } : {};
    } catch (e3) {
      return { error: c(e3) };
    }
  }
  async #g(e2) {
    let t2 = this.#d(), n2 = await this.#i.call(this), r2 = this.#p(this.#d() - t2), i2 = e2 ? Q(n2) : void 0, a2 = Z(n2);
    return a2 === void 0 ? {
      iterationCost: i2,
      overridden: false,
      taskTime: r2
    } : {
      iterationCost: i2,
      overridden: true,
      taskTime: a2
    };
  }
  #_(e2) {
    let t2 = this.#d(), n2 = this.#i.call(this), i2 = this.#p(this.#d() - t2);
    s(!r(n2), "task function must be sync when using `runSync()`");
    let a2 = e2 ? Q(n2) : void 0, o2 = Z(n2);
    return o2 === void 0 ? {
      iterationCost: a2,
      overridden: false,
      taskTime: i2
    } : {
      iterationCost: a2,
      overridden: true,
      taskTime: o2
    };
  }
  #v() {
    if (this.#e = true, re.includes(this.#s.state)) {
      this.#s = Y;
      let e2 = new n("abort", this);
      this.dispatchEvent(e2), this.#n.dispatchEvent(e2);
    }
  }
  #y(e2) {
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t2 = new n("error", this, e2);
      if (this.dispatchEvent(t2), this.#n.dispatchEvent(t2), this.#n.throws) throw e2;
    }
  }
  #b({ error: e2, latencySamples: t2, overriddenIndices: r2 }) {
    if (P(t2)) {
      this.#l = t2.length;
      let e3 = this.#n.timerOverhead;
      if (e3 !== void 0 && e3 > 0) for (let n2 = 0; n2 < t2.length; n2++) r2?.has(n2) || (t2[n2] = Math.max(0, t2[n2] - e3));
      let i3 = (r2?.size ?? 0) > 0, a2 = i3 ? t2.filter((e4, t3) => !r2?.has(t3)) : t2;
      F(t2);
      let o2 = U(t2, this.#c), s2;
      i3 ? P(a2) ? (F(a2), this.#r = K(a2), s2 = W(a2, H(a2))) : this.#r = void 0 : (this.#r = K(t2), s2 = W(t2, o2.mad));
      let c2 = o2.mean, l2 = 0, u2 = [];
      for (let e4 of t2) e4 === 0 ? u2.push(c2 === 0 ? 0 : 1e3 / c2) : (l2 += e4, u2.push(1e3 / e4));
      F(u2);
      let d2 = U(u2, this.#c);
      if (this.#s = {
        state: this.#e ? "aborted-with-statistics" : "completed",
        latency: o2,
        period: l2 / this.runs,
        throughput: d2,
        totalTime: l2
      }, s2 !== void 0) {
        let e4 = new n("warning", this, s2);
        this.dispatchEvent(e4), this.#n.dispatchEvent(e4);
      }
    } else this.#e && (this.#s = Y);
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t3 = new n("error", this, e2);
      if (this.dispatchEvent(t3), this.#n.dispatchEvent(t3), this.#n.throws) throw e2;
    }
    let i2 = new n("cycle", this);
    this.dispatchEvent(i2), this.#n.dispatchEvent(i2), this.dispatchEvent(new n("complete", this));
  }
};
function Z(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  if (!("overriddenDuration" in t2)) return;
  let n2 = t2.overriddenDuration;
  return typeof n2 == "number" && Number.isFinite(n2) && n2 >= 0 ? n2 : void 0;
}
function Q(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  try {
    if (!("overriddenIterationCost" in t2)) return;
    let e3 = t2.overriddenIterationCost;
    return typeof e3 == "number" && Number.isFinite(e3) && e3 >= 0 ? e3 : void 0;
  } catch {
    return;
  }
}
var $ = '`subtractTimerOverhead` cannot be used with `concurrency: "task"` \u2014 set `concurrency` to `null` or `"bench"`, or disable `subtractTimerOverhead`';
var ae = class extends EventTarget {
  concurrency;
  iterations;
  name;
  now;
  retainSamples;
  runtime;
  runtimeVersion;
  setup;
  signal;
  subtractTimerOverhead;
  teardown;
  threshold;
  throws;
  time;
  timerOverhead;
  timestampProvider;
  warmup;
  warmupIterations;
  warmupTime;
  get results() {
    return this.tasks.map((e2) => e2.result);
  }
  get tasks() {
    return [...this.#e.values()];
  }
  #e = /* @__PURE__ */ new Map();
  constructor(t2 = {}) {
    super();
    let { name: r2, ...i2 } = t2;
    this.name = r2, this.runtime = h, this.runtimeVersion = g, this.concurrency = i2.concurrency ?? null, this.threshold = i2.threshold ?? Infinity, this.time = i2.time ?? 1e3, this.iterations = i2.iterations ?? 64, s(i2.now === void 0 || i2.timestampProvider === void 0, "Cannot set both `now` and `timestampProvider` options"), this.timestampProvider = E(i2.now ?? i2.timestampProvider), this.now = () => this.timestampProvider.toMs(this.timestampProvider.fn()), this.warmup = i2.warmup ?? true, this.warmupIterations = i2.warmupIterations ?? 16, this.warmupTime = i2.warmupTime ?? 250, this.setup = i2.setup ?? e, this.teardown = i2.teardown ?? e, this.throws = i2.throws ?? false, i2.signal != null && (this.signal = i2.signal), this.retainSamples = i2.retainSamples === true, this.subtractTimerOverhead = i2.subtractTimerOverhead === true, s(!(this.subtractTimerOverhead && this.concurrency === "task"), $);
    let a2 = this.subtractTimerOverhead ? q(this.timestampProvider) : void 0;
    a2 != null && (this.timerOverhead = a2), this.signal && this.signal.addEventListener("abort", () => {
      this.dispatchEvent(new n("abort"));
    }, { once: true });
  }
  add(e2, t2, r2 = {}) {
    if (this.#e.has(e2)) throw Error(`Task "${e2}" already exists`);
    {
      let i2 = new X(this, e2, t2, r2);
      this.#e.set(e2, i2), this.dispatchEvent(new n("add", i2));
    }
    return this;
  }
  getTask(e2) {
    return this.#e.get(e2);
  }
  remove(e2) {
    let t2 = this.getTask(e2);
    return t2 && (this.#e.delete(e2), this.dispatchEvent(new n("remove", t2))), this;
  }
  reset() {
    for (let e2 of this.#e.values()) e2.reset();
    this.dispatchEvent(new n("reset"));
  }
  async run() {
    s(!(this.subtractTimerOverhead && this.concurrency === "task"), $), this.warmup && await this.#t(), this.dispatchEvent(new n("start"));
    let e2 = [];
    if (this.concurrency === "bench") {
      let t2 = [];
      for (let e3 of this.#e.values()) t2.push(e3.run());
      e2 = await Promise.all(t2);
    } else for (let t2 of this.#e.values()) e2.push(await t2.run());
    return this.dispatchEvent(new n("complete")), e2;
  }
  runSync() {
    s(this.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.warmup && this.#n();
    let e2 = [];
    this.dispatchEvent(new n("start"));
    for (let t2 of this.#e.values()) e2.push(t2.runSync());
    return this.dispatchEvent(new n("complete")), e2;
  }
  table(e2 = te) {
    return this.tasks.map(e2);
  }
  async #t() {
    if (this.dispatchEvent(new n("warmup")), this.concurrency === "bench") {
      let e2 = [];
      for (let t2 of this.#e.values()) e2.push(t2.warmup());
      await Promise.all(e2);
    } else for (let e2 of this.#e.values()) await e2.warmup();
  }
  #n() {
    this.dispatchEvent(new n("warmup"));
    for (let e2 of this.#e.values()) e2.warmupSync();
  }
};

// src/model/errors.ts
var SuiteUsageError = class extends Error {
  name = "SuiteUsageError";
};

// src/bench/registrar.ts
var Registrar = class {
  tasks = [];
  metrics = [];
  scalingTasks = [];
  add(name, fn, options = {}) {
    checkName("task", name);
    if (typeof fn !== "function")
      throw new SuiteUsageError(`suite.add(${JSON.stringify(name)}, fn): fn must be a function, got ${typeof fn}`);
    if (this.taken(name))
      throw new SuiteUsageError(`suite.add: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    this.tasks.push({ name, fn, options });
    return this;
  }
  metric(name, value, options = {}) {
    checkName("metric", name);
    if (options.task === void 0 && this.taken(name)) {
      throw new SuiteUsageError(`suite.metric: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    }
    this.metrics.push({ name, value, options });
    return this;
  }
  scaling(name, fn, options = {}) {
    checkName("scaling", name);
    if (typeof fn !== "function")
      throw new SuiteUsageError(`suite.scaling(${JSON.stringify(name)}, fn): fn must be a function of the level n, got ${typeof fn}`);
    if (this.scalingTasks.some((t2) => t2.name === name))
      throw new SuiteUsageError(`suite.scaling: ${JSON.stringify(name)} is already the name of a scaling task in this suite`);
    const bad = (options.levels ?? []).find((n2) => !Number.isInteger(n2) || n2 < 1);
    if (options.levels !== void 0 && (!Array.isArray(options.levels) || options.levels.length === 0 || bad !== void 0))
      throw new SuiteUsageError(
        `suite.scaling(${JSON.stringify(name)}): levels must be a non-empty array of whole numbers \u2265 1, got ${JSON.stringify(options.levels)}`
      );
    if (options.work !== void 0 && !(typeof options.work === "number" && options.work > 0 && Number.isFinite(options.work)))
      throw new SuiteUsageError(
        `suite.scaling(${JSON.stringify(name)}): work must be a number above 0, got ${JSON.stringify(options.work)}`
      );
    this.scalingTasks.push({ name, fn, options });
    return this;
  }
  taken(name) {
    return this.tasks.some((t2) => t2.name === name) || this.metrics.some((m2) => m2.name === name && m2.options.task === void 0);
  }
};
function checkName(what, name) {
  if (typeof name !== "string" || name.trim() === "") {
    throw new SuiteUsageError(
      `suite.${what === "task" ? "add" : what}: the ${what === "scaling" ? "scaling task" : what} name must be a non-empty string, got ${JSON.stringify(name)}`
    );
  }
}
async function metricSamples(value) {
  const v2 = typeof value === "function" ? await value() : value;
  const samples = Array.isArray(v2) ? v2 : [v2];
  if (samples.length === 0 || !samples.every((x2) => typeof x2 === "number" && Number.isFinite(x2))) {
    throw new SuiteUsageError(`expected a finite number or a non-empty array of them, got ${JSON.stringify(v2)}`);
  }
  return samples;
}

// node_modules/simple-statistics/dist/simple-statistics.mjs
function sum(x2) {
  if (x2.length === 0) {
    return 0;
  }
  var sum2 = x2[0];
  var correction = 0;
  var transition;
  if (typeof sum2 !== "number") {
    return Number.NaN;
  }
  for (var i2 = 1; i2 < x2.length; i2++) {
    if (typeof x2[i2] !== "number") {
      return Number.NaN;
    }
    transition = sum2 + x2[i2];
    if (Math.abs(sum2) >= Math.abs(x2[i2])) {
      correction += sum2 - transition + x2[i2];
    } else {
      correction += x2[i2] - transition + sum2;
    }
    sum2 = transition;
  }
  return sum2 + correction;
}
function mean(x2) {
  if (x2.length === 0) {
    throw new Error("mean requires at least one data point");
  }
  return sum(x2) / x2.length;
}
function sumNthPowerDeviations(x2, n2) {
  var meanValue = mean(x2);
  var sum2 = 0;
  var tempValue;
  var i2;
  if (n2 === 2) {
    for (i2 = 0; i2 < x2.length; i2++) {
      tempValue = x2[i2] - meanValue;
      sum2 += tempValue * tempValue;
    }
  } else {
    for (i2 = 0; i2 < x2.length; i2++) {
      sum2 += Math.pow(x2[i2] - meanValue, n2);
    }
  }
  return sum2;
}
function sampleVariance(x2) {
  if (x2.length < 2) {
    throw new Error("sampleVariance requires at least two data points");
  }
  var sumSquaredDeviationsValue = sumNthPowerDeviations(x2, 2);
  var besselsCorrection = x2.length - 1;
  return sumSquaredDeviationsValue / besselsCorrection;
}
function sampleStandardDeviation(x2) {
  var sampleVarianceX = sampleVariance(x2);
  return Math.sqrt(sampleVarianceX);
}
function max(x2) {
  if (x2.length === 0) {
    throw new Error("max requires at least one data point");
  }
  var value = x2[0];
  for (var i2 = 1; i2 < x2.length; i2++) {
    if (x2[i2] > value) {
      value = x2[i2];
    }
  }
  return value;
}
function min(x2) {
  if (x2.length === 0) {
    throw new Error("min requires at least one data point");
  }
  var value = x2[0];
  for (var i2 = 1; i2 < x2.length; i2++) {
    if (x2[i2] < value) {
      value = x2[i2];
    }
  }
  return value;
}
function quantileSorted(x2, p2) {
  var idx = (x2.length - 1) * p2;
  if (x2.length === 0) {
    throw new Error("quantile requires at least one data point.");
  } else if (p2 < 0 || p2 > 1) {
    throw new Error("quantiles must be between 0 and 1");
  } else if (p2 === 1) {
    return x2[x2.length - 1];
  } else if (p2 === 0) {
    return x2[0];
  } else if (idx % 1 !== 0) {
    var lower = Math.floor(idx);
    var upper = Math.ceil(idx);
    var fraction = idx - lower;
    return x2[lower] + fraction * (x2[upper] - x2[lower]);
  } else {
    return x2[idx];
  }
}
function quickselect(arr, k2, left, right) {
  left = left || 0;
  right = right || arr.length - 1;
  while (right > left) {
    if (right - left > 600) {
      var n2 = right - left + 1;
      var m2 = k2 - left + 1;
      var z3 = Math.log(n2);
      var s2 = 0.5 * Math.exp(2 * z3 / 3);
      var sd = 0.5 * Math.sqrt(z3 * s2 * (n2 - s2) / n2);
      if (m2 - n2 / 2 < 0) {
        sd *= -1;
      }
      var newLeft = Math.max(left, Math.floor(k2 - m2 * s2 / n2 + sd));
      var newRight = Math.min(
        right,
        Math.floor(k2 + (n2 - m2) * s2 / n2 + sd)
      );
      quickselect(arr, k2, newLeft, newRight);
    }
    var t2 = arr[k2];
    var i2 = left;
    var j2 = right;
    swap(arr, left, k2);
    if (arr[right] > t2) {
      swap(arr, left, right);
    }
    while (i2 < j2) {
      swap(arr, i2, j2);
      i2++;
      j2--;
      while (arr[i2] < t2) {
        i2++;
      }
      while (arr[j2] > t2) {
        j2--;
      }
    }
    if (arr[left] === t2) {
      swap(arr, left, j2);
    } else {
      j2++;
      swap(arr, j2, right);
    }
    if (j2 <= k2) {
      left = j2 + 1;
    }
    if (k2 <= j2) {
      right = j2 - 1;
    }
  }
}
function swap(arr, i2, j2) {
  var tmp = arr[i2];
  arr[i2] = arr[j2];
  arr[j2] = tmp;
}
function quantile(x2, p2) {
  var copy = x2.slice();
  if (Array.isArray(p2)) {
    multiQuantileSelect(copy, p2);
    var results = [];
    for (var i2 = 0; i2 < p2.length; i2++) {
      results[i2] = quantileSorted(copy, p2[i2]);
    }
    return results;
  } else {
    var idx = quantileIndex(copy.length, p2);
    quantileSelect(copy, idx, 0, copy.length - 1);
    return quantileSorted(copy, p2);
  }
}
function quantileSelect(arr, k2, left, right) {
  if (k2 % 1 === 0) {
    quickselect(arr, k2, left, right);
  } else {
    k2 = Math.floor(k2);
    quickselect(arr, k2, left, right);
    quickselect(arr, k2 + 1, k2 + 1, right);
  }
}
function multiQuantileSelect(arr, p2) {
  var positions = /* @__PURE__ */ new Set();
  for (var i2 = 0; i2 < p2.length; i2++) {
    var idx = quantileIndex(arr.length, p2[i2]);
    positions.add(Math.floor(idx));
    positions.add(Math.ceil(idx));
  }
  var indices = Array.from(positions).sort(compare);
  multiselect(arr, indices, 0, indices.length - 1, 0, arr.length - 1);
}
function multiselect(arr, indices, lo, hi, left, right) {
  if (lo > hi) {
    return;
  }
  var mid = lo + hi >> 1;
  quickselect(arr, indices[mid], left, right);
  multiselect(arr, indices, lo, mid - 1, left, indices[mid] - 1);
  multiselect(arr, indices, mid + 1, hi, indices[mid] + 1, right);
}
function compare(a2, b) {
  return a2 - b;
}
function quantileIndex(len, p2) {
  var idx = (len - 1) * p2;
  if (p2 === 1) {
    return len - 1;
  } else if (p2 === 0) {
    return 0;
  } else if (idx % 1 !== 0) {
    return idx;
  } else {
    return idx;
  }
}
function median(x2) {
  return +quantile(x2, 0.5);
}
var BayesianClassifier = function BayesianClassifier2() {
  this.totalCount = 0;
  this.data = {};
};
BayesianClassifier.prototype.train = function train(item, category) {
  if (!this.data[category]) {
    this.data[category] = {};
  }
  for (var k2 in item) {
    var v2 = item[k2];
    if (this.data[category][k2] === void 0) {
      this.data[category][k2] = {};
    }
    if (this.data[category][k2][v2] === void 0) {
      this.data[category][k2][v2] = 0;
    }
    this.data[category][k2][v2]++;
  }
  this.totalCount++;
};
BayesianClassifier.prototype.score = function score(item) {
  var odds = {};
  var category;
  for (var k2 in item) {
    var v2 = item[k2];
    for (category in this.data) {
      if (odds[category] === void 0) {
        odds[category] = {};
      }
      if (this.data[category][k2]) {
        odds[category][k2 + "_" + v2] = (this.data[category][k2][v2] || 0) / this.totalCount;
      } else {
        odds[category][k2 + "_" + v2] = 0;
      }
    }
  }
  var oddsSums = {};
  for (category in odds) {
    oddsSums[category] = 0;
    for (var combination in odds[category]) {
      oddsSums[category] += odds[category][combination];
    }
  }
  return oddsSums;
};
var g2 = 607 / 128;
var LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));
var SQRT_2PI$1 = Math.sqrt(2 * Math.PI);
function cumulativeDistribution(z3) {
  var sum2 = z3;
  var tmp = z3;
  for (var i2 = 1; i2 < 30; i2++) {
    tmp *= z3 * z3 / (2 * i2 + 1);
    sum2 += tmp;
  }
  return Math.round((0.5 + sum2 / SQRT_2PI$1 * Math.exp(-z3 * z3 / 2)) * 1e4) / 1e4;
}
var standardNormalTable = [];
for (z2 = 0; z2 <= 3.09; z2 += 0.01) {
  standardNormalTable.push(cumulativeDistribution(z2));
}
var z2;
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var PerceptronModel = function PerceptronModel2() {
  this.weights = [];
  this.bias = 0;
};
PerceptronModel.prototype.predict = function predict(features) {
  if (features.length !== this.weights.length) {
    return null;
  }
  var score2 = 0;
  for (var i2 = 0; i2 < this.weights.length; i2++) {
    score2 += this.weights[i2] * features[i2];
  }
  score2 += this.bias;
  if (score2 > 0) {
    return 1;
  } else {
    return 0;
  }
};
PerceptronModel.prototype.train = function train2(features, label) {
  if (label !== 0 && label !== 1) {
    return null;
  }
  if (features.length !== this.weights.length) {
    this.weights = features.slice();
    this.bias = 1;
  }
  var prediction = this.predict(features);
  if (typeof prediction === "number" && prediction !== label) {
    var gradient = label - prediction;
    for (var i2 = 0; i2 < this.weights.length; i2++) {
      this.weights[i2] += gradient * features[i2];
    }
    this.bias += gradient;
  }
  return this;
};

// src/model/summarize.ts
function summarize(samples) {
  if (samples.length === 0) throw new RangeError("summarize: no samples");
  const sorted = [...samples].sort((a2, b) => a2 - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    median: median(sorted),
    min: min(sorted),
    max: max(sorted),
    stdev: sorted.length > 1 ? sampleStandardDeviation(sorted) : 0,
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99)
  };
}

// src/bench/worker-run.ts
async function runWorker(req, send2) {
  const head = await load(req.file, process.cwd(), {}, send2);
  const base = req.base ? await load(req.base.file, req.base.cwd, { side: "base" }, send2) : void 0;
  const copies = [head, base].filter((c2) => c2 !== void 0);
  const names = [...new Set(copies.flatMap((c2) => c2.registrar.tasks.map((t2) => t2.name)))];
  const passes = Math.max(1, Math.floor(req.passes));
  for (let pass = 0; pass < passes; pass++) {
    const baseGoesFirst = pass % 2 === 0 === Boolean(req.baseFirst);
    const order = baseGoesFirst ? [...copies].reverse() : copies;
    for (const name of names) for (const copy of order) await measureInCopy(copy, name, req, pass, passes, send2);
  }
  for (const copy of copies) await sendMetrics(copy, send2);
  await send2({ type: "done" });
}
async function load(file, cwd, tag, send2) {
  let registrar;
  try {
    registrar = await register(file, cwd);
  } catch (e2) {
    await send2({ type: "fatal", message: describe(e2), ...tag });
    return void 0;
  }
  if (registrar.tasks.length === 0 && registrar.metrics.length === 0) {
    const sweeps = registrar.scalingTasks.map((t2) => JSON.stringify(t2.name)).join(", ");
    const message = sweeps ? `it registered only scaling tasks (${sweeps}): list the file under "scaling" in the config ({ "name": \u2026, "tinybench": \u2026, "task": \u2026 }) to sweep them` : "it registered no task and no metric (call suite.add(name, fn) in the default export)";
    await send2({ type: "fatal", message, ...tag });
    return void 0;
  }
  await send2({ type: "registered", tasks: registrar.tasks.map((t2) => t2.name), metrics: registrar.metrics.map((m2) => m2.name), ...tag });
  return { tag, cwd, registrar, samples: new Map(registrar.tasks.map((t2) => [t2.name, []])) };
}
async function register(file, cwd) {
  const registrar = new Registrar();
  enter(cwd);
  const fn = suiteFunction(await import(pathToFileURL(file).href));
  await fn(registrar);
  return registrar;
}
async function measureInCopy(copy, name, req, pass, passes, send2) {
  const task = copy.registrar.tasks.find((t2) => t2.name === name);
  const sofar = copy.samples.get(name);
  if (!task || !sofar) return;
  enter(copy.cwd);
  await send2({ type: "task-start", task: name, ...copy.tag });
  const r2 = await measureTask(task, req, pass, passes);
  if ("error" in r2) {
    copy.samples.delete(name);
    await send2({ type: "task-error", task: name, message: r2.error, ...copy.tag });
    return;
  }
  for (const x2 of r2.samples) sofar.push(x2);
  if (pass === passes - 1) await send2({ ...taskMessage(name, sofar, r2.heapUsed, req.maxSamples), ...copy.tag });
}
async function sendMetrics(copy, send2) {
  enter(copy.cwd);
  for (const m2 of copy.registrar.metrics) {
    try {
      const samples = await metricSamples(m2.value);
      const { unit = "", direction = "bigger", task } = m2.options;
      await send2({ type: "metric", name: m2.name, samples, unit, direction, ...task === void 0 ? {} : { task }, ...copy.tag });
    } catch (e2) {
      await send2({ type: "metric-error", name: m2.name, message: describe(e2), ...copy.tag });
    }
  }
}
function enter(cwd) {
  if (process.cwd() !== cwd) process.chdir(cwd);
}
function suiteFunction(mod) {
  let candidate = mod.default;
  if (candidate && typeof candidate === "object" && "default" in candidate) candidate = candidate.default;
  if (typeof candidate !== "function") {
    throw new SuiteUsageError(
      `it must default-export a function that registers tasks, e.g. \`export default (suite) => { suite.add('my task', () => work()); }\`; its default export is ${candidate === void 0 ? "missing" : typeof candidate}`
    );
  }
  return candidate;
}
function taskMessage(task, samples, heapUsed, maxSamples) {
  const sorted = samples.sort((a2, b) => a2 - b);
  return { type: "task", task, samples: thin(sorted, maxSamples).map(round), stats: summarize(sorted), heapUsed };
}
async function measureTask(task, req, pass, passes) {
  const bench = new ae({
    time: req.time / passes,
    iterations: Math.ceil(req.iterations / passes),
    warmupTime: pass === 0 ? req.warmupTime : 0,
    warmupIterations: pass === 0 ? req.warmupIterations : Math.ceil(req.warmupIterations / passes),
    retainSamples: true,
    throws: false
  });
  const { beforeAll, beforeEach, afterEach, afterAll } = task.options;
  const clock = wallClockBudget(task.fn, Math.ceil(req.maxIterations / passes));
  let heapUsed = 0;
  bench.add(task.name, clock.fn, {
    beforeAll: async () => {
      if (beforeAll) await beforeAll();
      clock.restart();
    },
    ...beforeEach && { beforeEach: async () => void await beforeEach() },
    ...afterEach && { afterEach: async () => void await afterEach() },
    // Heap in use right after the measured iterations, before the user's teardown frees anything.
    afterAll: async (mode) => {
      if (mode !== "warmup") heapUsed = process.memoryUsage().heapUsed;
      if (afterAll) await afterAll();
    }
  });
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state === "errored") return { error: describe(result.error) };
  if (result.state !== "completed" || !result.latency.samples) {
    return { error: `tinybench ended the task in state '${result.state}' without samples` };
  }
  return { samples: result.latency.samples.map((ms) => ms * 1e6), heapUsed };
}
function wallClockBudget(fn, maxIterations) {
  let last = performance.now();
  let count = 0;
  const cost = {
    get overriddenIterationCost() {
      if (++count >= maxIterations) return Number.MAX_VALUE;
      const now = performance.now();
      const spent = now - last;
      last = now;
      return spent;
    }
  };
  return {
    fn: () => {
      const r2 = fn();
      return isThenable(r2) ? r2.then(() => cost) : cost;
    },
    restart: () => {
      count = 0;
      last = performance.now();
    }
  };
}
function isThenable(v2) {
  return v2 !== null && (typeof v2 === "object" || typeof v2 === "function") && typeof v2.then === "function";
}
function thin(sorted, max2) {
  if (sorted.length <= max2) return [...sorted];
  return Array.from({ length: max2 }, (_2, i2) => sorted[Math.round(i2 * (sorted.length - 1) / (max2 - 1))]);
}
function round(ns) {
  return Math.round(ns * 10) / 10;
}
function describe(e2) {
  if (e2 instanceof SuiteUsageError) return e2.message;
  if (!(e2 instanceof Error)) return String(e2);
  const frame = e2.stack?.split("\n").find((l2) => /^\s+at /.test(l2) && !l2.includes("node:") && !l2.includes("tinybench"));
  return `${e2.name}: ${e2.message}${frame ? ` (${frame.trim()})` : ""}`;
}

// src/bench/worker-count.ts
var POST_GC_WARMUP = 3;
async function runCountWorker(req, send2) {
  const count = req.count;
  const copy = await load(req.file, process.cwd(), {}, send2);
  if (!copy) return send2({ type: "done" });
  let hooks;
  try {
    hooks = loadInstrumentHooks();
  } catch (e2) {
    return send2({ type: "fatal", message: `cannot count instructions: ${describe(e2)}` });
  }
  const collect = globalThis.gc;
  if (!collect)
    return send2({ type: "fatal", message: "cannot count instructions: gc() is not exposed (the worker needs node --expose-gc)" });
  for (const [index, task] of copy.registrar.tasks.entries()) {
    await send2({ type: "task-start", task: task.name });
    try {
      await countTask(task, index, count, hooks, collect);
      await send2({ type: "counted", task: task.name, index, iterations: count.iterations });
    } catch (e2) {
      await send2({ type: "task-error", task: task.name, message: describe(e2) });
    }
  }
  if (count.metrics) await sendMetrics(copy, send2);
  await send2({ type: "done" });
}
async function countTask(task, index, count, hooks, collect) {
  const { beforeAll, beforeEach, afterEach, afterAll } = task.options;
  if (beforeAll) await beforeAll();
  await uncounted(task, count.warmupIterations);
  collect();
  await uncounted(task, Math.min(POST_GC_WARMUP, count.warmupIterations));
  for (let i2 = 0; i2 < count.iterations; i2++) {
    if (beforeEach) await beforeEach();
    hooks.startBenchmark();
    try {
      const r2 = task.fn();
      if (isThenable(r2)) await r2;
    } finally {
      hooks.stopBenchmark();
    }
    hooks.setExecutedBenchmark(process.pid, `t${index}`);
    if (afterEach) await afterEach();
  }
  if (afterAll) await afterAll();
}
async function uncounted(task, n2) {
  const { beforeEach, afterEach } = task.options;
  for (let i2 = 0; i2 < n2; i2++) {
    if (beforeEach) await beforeEach();
    await task.fn();
    if (afterEach) await afterEach();
  }
}

// src/bench/worker-scaling.ts
async function runScalingWorker(req, send2) {
  const task = await pick(req, send2);
  if (!task) return send2({ type: "done" });
  const { levels, work, workPerWorker, unit } = task.options;
  await send2({
    type: "scaling-ready",
    task: task.name,
    ...levels && { levels },
    ...work !== void 0 && { work },
    ...workPerWorker !== void 0 && { workPerWorker },
    ...unit !== void 0 && { unit }
  });
  const { time, iterations } = req.scaling;
  let queue = Promise.resolve();
  await new Promise((finished) => {
    const onMessage = (m2) => {
      if (m2.type === "end") return void queue.then(finished);
      queue = queue.then(async () => {
        const r2 = await measureLevel(task, m2.n, time, iterations);
        await send2("error" in r2 ? { type: "step-error", n: m2.n, message: r2.error } : { type: "step-done", n: m2.n, ...r2 });
      });
    };
    process.on("message", onMessage);
    process.once("disconnect", () => finished());
  });
  await send2({ type: "done" }).catch(() => void 0);
}
async function pick(req, send2) {
  let tasks;
  try {
    tasks = (await register(req.file, process.cwd())).scalingTasks;
  } catch (e2) {
    await send2({ type: "fatal", message: describe(e2) });
    return void 0;
  }
  const wanted = req.scaling.task;
  const names = tasks.map((t2) => JSON.stringify(t2.name)).join(", ");
  const task = wanted === void 0 ? tasks.length === 1 ? tasks[0] : void 0 : tasks.find((t2) => t2.name === wanted);
  if (task) return task;
  const message = tasks.length === 0 ? "it registered no scaling task (call suite.scaling(name, (n) => \u2026) in the default export)" : wanted === void 0 ? `it registers several scaling tasks (${names}): name one with "task" in the config` : `it registers no scaling task named ${JSON.stringify(wanted)}; its scaling tasks are ${names}`;
  await send2({ type: "fatal", message });
  return void 0;
}
async function measureLevel(task, n2, time, iterations) {
  const returned = [];
  const keep = (r2) => void returned.push(r2 === void 0 || r2 === null ? void 0 : r2);
  const bench = new ae({ time, iterations, warmupTime: 0, warmupIterations: 0, retainSamples: true, throws: false });
  const { beforeLevel, afterLevel } = task.options;
  bench.add(`${task.name} N=${n2}`, async () => keep(await task.fn(n2)));
  try {
    if (beforeLevel) await beforeLevel(n2);
    await bench.run();
    if (afterLevel) await afterLevel(n2);
  } catch (e2) {
    return { error: describe(e2) };
  }
  const result = bench.tasks[0].result;
  if (result.state === "errored") return { error: `threw ${describe(result.error)}` };
  if (result.state !== "completed" || !result.latency.samples) return { error: `tinybench ended the level in state '${result.state}'` };
  const samples = result.latency.samples;
  try {
    return { calls: samples.length, seconds: samples.reduce((s2, ms) => s2 + ms, 0) / 1e3, ...numbers(returned.slice(-samples.length)) };
  } catch (e2) {
    return { error: describe(e2) };
  }
}
function numbers(returned) {
  const sums = {};
  for (const r2 of returned) {
    if (r2 === void 0) continue;
    if (typeof r2 !== "object" || Array.isArray(r2))
      throw new TypeError(`a scaling task returns nothing or an object of numbers such as {"units": 20}, got ${JSON.stringify(r2)}`);
    for (const [k2, v2] of Object.entries(r2)) {
      if (typeof v2 !== "number" || !Number.isFinite(v2) || k2 === "units" && !(v2 > 0))
        throw new TypeError(
          `its returned ${JSON.stringify(k2)} is ${JSON.stringify(v2)}; expected a finite number${k2 === "units" ? " above 0" : ""}`
        );
      const s2 = sums[k2] ??= { total: 0, count: 0 };
      s2.total += v2;
      s2.count++;
    }
  }
  const units = sums.units;
  if (units && units.count !== returned.length)
    throw new TypeError(`it returned "units" from ${units.count} of ${returned.length} calls; return them from every call or from none`);
  const metrics = Object.fromEntries(
    Object.entries(sums).filter(([k2]) => k2 !== "units").map(([k2, s2]) => [k2, s2.total / s2.count])
  );
  return { ...units && { units: units.total }, metrics };
}

// src/bench/tinybench-worker.ts
if (!process.send) {
  process.stderr.write("tinybench-worker: run by track-performance over IPC, not by hand.\n");
  process.exit(2);
}
var send = (m2) => new Promise((resolve, reject) => process.send(m2, void 0, {}, (e2) => e2 ? reject(e2) : resolve()));
var request = JSON.parse(process.argv[2] ?? "{}");
(request.scaling ? runScalingWorker(request, send) : request.count ? runCountWorker(request, send) : runWorker(request, send)).then(
  // Exit even when the suite left timers or sockets open.
  () => process.exit(0),
  (e2) => {
    process.stderr.write(`tinybench-worker: ${e2 instanceof Error ? e2.stack ?? e2.message : String(e2)}
`);
    process.exit(70);
  }
);
