"""Per-key rate limit for writes: the generic cell rate algorithm (GCRA), kept in the database.

One ``UPDATE ... WHERE`` per request both checks and spends the allowance, atomically, so the limit
holds across API processes and machines (an in-process limiter would multiply it by the number of
processes, and the limiter libraries keep their state in Redis or memcached, which this service
does not have). ``rate_tat`` is the theoretical arrival time: a key may send ``burst`` requests at
once, then one every ``60 / per_minute`` seconds. The same statement refuses a revoked key.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, text


def spend(conn: Connection, api_key_id: int, *, per_minute: float, burst: int) -> float | None:
    """None when the request may go ahead; otherwise the seconds to wait before the next one."""
    now = time.time()
    interval = 60.0 / per_minute
    tolerance = interval * burst
    greatest = "GREATEST" if conn.dialect.name == "postgresql" else "MAX"
    tat = f"{greatest}(COALESCE(rate_tat, :now), :now)"
    params = {"now": now, "t": interval, "tau": tolerance, "id": api_key_id}
    spent = conn.execute(
        text(
            f"UPDATE api_keys SET rate_tat = {tat} + :t, last_used_at = CURRENT_TIMESTAMP "
            f"WHERE id = :id AND revoked_at IS NULL AND {tat} + :t - :now <= :tau RETURNING id"
        ),
        params,
    ).first()
    if spent is not None:
        return None
    stored = conn.execute(text("SELECT rate_tat FROM api_keys WHERE id = :id"), {"id": api_key_id}).scalar()
    return max(0.0, max(stored or now, now) + interval - now - tolerance)
