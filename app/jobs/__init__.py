"""Ingest jobs: queued by the API (POST /articles) and by feed polls, run by workers.

On PostgreSQL the queue is procrastinate (app.jobs.pg): workers on any number of machines fetch
jobs with ``SELECT ... FOR UPDATE SKIP LOCKED``, hear of new ones through LISTEN/NOTIFY, send
heartbeats, and a dead worker's job is handed to another. On the embedded SQLite default there is
no server for a queue to live in, and procrastinate has no SQLite connector fit for production, so
``kb serve`` starts one runner process beside the API (app.jobs.local) that takes jobs from the
same ``ingest_jobs`` table under SQLite's write lock. Either way ``ingest_jobs`` records what a
client asked for and what became of it (GET /jobs/{job_id}), and app.jobs.work runs a job.
"""
