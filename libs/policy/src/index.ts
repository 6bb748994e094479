export { PolicyService, type StateScope } from './policy.service';
export { PolicyModule } from './policy.module';
