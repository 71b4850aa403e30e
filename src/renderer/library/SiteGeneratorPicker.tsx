import { SITE_GENERATORS, type SiteGenerator, type SiteInfo } from '../../shared/posts'
import { chooseGenerator } from './library-store'
import { GENERATOR_NAMES, siteLabel } from './site-label'

const DETECT = ''

/** What was detected, and a way to tell Inkpress otherwise for this repository. */
export function SiteGeneratorPicker({ site }: { site: SiteInfo }) {
  return (
    <div className="site-generator">
      <span data-testid="site-detected">{siteLabel(site)}</span>
      <label>
        <span className="visually-hidden">Site generator</span>
        <select
          value={site.generator}
          onChange={(event) => {
            const value = event.target.value
            void chooseGenerator(value === DETECT ? null : (value as SiteGenerator))
          }}
        >
          {SITE_GENERATORS.map((generator) => (
            <option key={generator} value={generator}>
              {GENERATOR_NAMES[generator]}
            </option>
          ))}
          <option value={DETECT}>Detect again</option>
        </select>
      </label>
    </div>
  )
}
