export {
  PolicyService,
  COMMITTEE_OFFICES,
  type StateScope,
  type CommitteeOfficeName,
  type CommitteeStanding,
} from './policy.service';
export { PolicyModule } from './policy.module';
