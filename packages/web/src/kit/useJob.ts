// Follows a background job (an import, a rebuild, a document) until it is done or failed, so a page can
// show its progress. The server answers the request that started it at once; the work runs in a worker.
import { type JobView, jobsApi } from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api } from "../api";

export type JobState =
  | { status: "idle" }
  | { status: "following"; job: JobView | null }
  | { status: "finished"; job: JobView }
  | { status: "error"; error: unknown };

/** Polls every `intervalMs` (slower as it runs long); stops on unmount or when `jobId` changes. */
export function useJob(jobId: string | null, intervalMs = 700): JobState {
  const [state, setState] = useState<JobState>({ status: "idle" });
  useEffect(() => {
    if (!jobId) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    setState({ status: "following", job: null });
    const poll = async () => {
      try {
        const job = await api.call(jobsApi.view, { params: { id: jobId } }, { signal: controller.signal });
        if (job.status === "done" || job.status === "failed") setState({ status: "finished", job });
        else {
          setState({ status: "following", job });
          polls++;
          timer = setTimeout(poll, polls < 20 ? intervalMs : intervalMs * 3);
        }
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: "error", error });
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, intervalMs]);
  return state;
}
