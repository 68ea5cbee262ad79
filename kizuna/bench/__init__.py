"""Measurements, never pass/fail tests: one module (or package) per `kizuna bench*` command.

- `extraction` (`kizuna bench`): extraction against bare parsing, on the generated
  corpora of `corpus`;
- `store` (`kizuna bench-store`): the common reads on a large generated store;
- `load` (`kizuna bench-load`): the service under concurrent clients, on loopback;
- `capacity` (`kizuna bench-capacity`): articles a second end to end, and the cores a
  day's news needs.
"""
