import type { PublishProgress } from './progress'

export function ProgressBar({ progress }: { progress: PublishProgress }) {
  const percent = Math.round(progress.fraction * 100)
  return (
    <div
      className="publish-progress"
      role="progressbar"
      aria-label="Publishing progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${progress.label} ${percent}%`}
      data-testid="publish-progress"
    >
      <div className="publish-progress-track">
        <div className="publish-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="publish-progress-label">
        {progress.label} · {percent}%
      </span>
    </div>
  )
}
