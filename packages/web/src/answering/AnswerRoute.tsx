import { useParams } from 'react-router';
import { AnswerPage } from './AnswerPage.tsx';

export function AnswerRoute() {
  const { token = '' } = useParams();
  return <AnswerPage token={token} />;
}
