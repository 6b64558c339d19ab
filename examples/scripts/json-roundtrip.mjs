// A command benchmark's workload: a short-lived process that parses and serialises JSON.
const doc = { items: Array.from({ length: 2_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })) };
let text = JSON.stringify(doc);
for (let i = 0; i < 5; i++) text = JSON.stringify(JSON.parse(text));
if (text.length < 10) process.exit(1);
