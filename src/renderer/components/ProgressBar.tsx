/** A labelled progress bar for long Git operations (publish, clone). */
export function ProgressBar(props: {
  name: string
  label: string
  fraction: number
  testId: string
}) {
  const percent = Math.round(props.fraction * 100)
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={props.name}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${props.label} ${percent}%`}
      data-testid={props.testId}
    >
      <div className="progress-track">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-label">
        {props.label} · {percent}%
      </span>
    </div>
  )
}
